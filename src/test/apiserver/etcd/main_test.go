package main

import (
	"reflect"
	"testing"
)

func TestLoopbackRewritesEveryURLFlagAndNothingElse(t *testing.T) {
	in := []string{"etcd",
		"-data-dir", "/tmp/0.0.0.0",
		"--listen-client-urls", "http://0.0.0.0:2379",
		"--advertise-client-urls=http://0.0.0.0:2379",
		"--initial-cluster", "default=http://localhost:2380",
		"-listen-peer-urls", "http://[::]:2380,http://localhost:2381",
		"--name", "localhost",
	}
	want := []string{"etcd",
		"-data-dir", "/tmp/0.0.0.0",
		"--listen-client-urls", "http://127.0.0.1:2379",
		"--advertise-client-urls=http://127.0.0.1:2379",
		"--initial-cluster", "default=http://127.0.0.1:2380",
		"-listen-peer-urls", "http://127.0.0.1:2380,http://127.0.0.1:2381",
		"--name", "localhost",
	}
	if got := loopback(in); !reflect.DeepEqual(got, want) {
		t.Fatalf("loopback(%q)\n got %q\nwant %q", in, got, want)
	}
	if in[4] != "http://0.0.0.0:2379" {
		t.Fatalf("the caller's slice was changed")
	}
}
