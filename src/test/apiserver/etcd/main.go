// Command etcd is the upstream etcd server, held to loopback.
//
// kube-api-test starts etcd with --listen-client-urls http://0.0.0.0:<port> (hard-coded, not configurable),
// which would let anyone who reaches the machine read and write the test cluster, Secrets included, with no
// authentication. This binary rewrites every wildcard or named host in the URLs it is given to 127.0.0.1
// before handing the arguments to the upstream entry point, so the server only ever listens on loopback.
package main

import (
	"os"
	"strings"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

var urlFlags = map[string]bool{
	"listen-client-urls":          true,
	"advertise-client-urls":       true,
	"listen-peer-urls":            true,
	"initial-advertise-peer-urls": true,
	"initial-cluster":             true,
	"listen-metrics-urls":         true,
	"listen-client-http-urls":     true,
}

var hostReplacer = strings.NewReplacer(
	"://0.0.0.0:", "://127.0.0.1:",
	"://[::]:", "://127.0.0.1:",
	"://localhost:", "://127.0.0.1:",
)

func main() {
	etcdmain.Main(loopback(os.Args))
}

// loopback returns args with the host of every URL-valued flag moved to 127.0.0.1, in both the
// "--flag value" and the "--flag=value" forms, with one or two leading dashes.
func loopback(args []string) []string {
	out := make([]string, len(args))
	copy(out, args)
	for i := 1; i < len(out); i++ {
		name := strings.TrimLeft(out[i], "-")
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			if urlFlags[name[:eq]] {
				out[i] = out[i][:len(out[i])-len(name)+eq+1] + hostReplacer.Replace(name[eq+1:])
			}
			continue
		}
		if urlFlags[name] && i+1 < len(out) {
			out[i+1] = hostReplacer.Replace(out[i+1])
			i++
		}
	}
	return out
}
