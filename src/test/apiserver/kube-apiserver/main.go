// Command kube-apiserver is the upstream kube-apiserver with loopback defaults.
//
// The IT tier and the sandbox start it through kube-api-test, which passes no bind or advertise address, so
// the upstream binary would listen on every interface. This one binds 127.0.0.1 unless its caller says
// otherwise (a later flag wins), and so never serves a test cluster to the network.
package main

import (
	"os"
	_ "time/tzdata"

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

var loopbackDefaults = []string{
	"--bind-address=127.0.0.1",
	"--advertise-address=127.0.0.1",
}

func main() {
	command := app.NewAPIServerCommand()
	command.SetArgs(append(append([]string{}, loopbackDefaults...), os.Args[1:]...))
	os.Exit(cli.Run(command))
}
