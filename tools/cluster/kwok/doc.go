// Package kwok only pins the version of sigs.k8s.io/kwok whose kwok command
// simulates the test cluster's nodes and pods; build it with
// `go build -o <out> sigs.k8s.io/kwok/cmd/kwok` in this folder.
package kwok
