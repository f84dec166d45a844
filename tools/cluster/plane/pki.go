package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"flag"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A client identity: the API server takes the user name from CN and the
// groups from O of a certificate signed by its client CA.
type identity struct {
	file   string
	user   string
	groups []string
}

// The client identities of the test cluster. Components use their built-in
// RBAC names; "restricted" belongs to no group with rights and is granted a
// single namespace by the start script.
var identities = []identity{
	{"admin", "capstan-admin", []string{"system:masters"}},
	{"controller-manager", "system:kube-controller-manager", nil},
	{"scheduler", "system:kube-scheduler", nil},
	{"kwok", "capstan-kwok", []string{"system:masters"}},
	{"restricted", "capstan-restricted", []string{"capstan:restricted"}},
}

// runPKI writes a CA, the API server's serving certificate, the service
// account key pair and one kubeconfig per identity into --dir, plus the
// combined kubeconfig (admin and restricted contexts) at --kubeconfig.
func runPKI(args []string) int {
	fs := flag.NewFlagSet("pki", flag.ExitOnError)
	dir := fs.String("dir", "", "output directory")
	server := fs.String("server", "", "API server URL, e.g. https://127.0.0.1:6443")
	out := fs.String("kubeconfig", "", "path of the combined kubeconfig")
	ns := fs.String("restricted-namespace", "restricted", "namespace of the restricted context")
	_ = fs.Parse(args)
	if *dir == "" || *server == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "pki: --dir, --server and --kubeconfig are required")
		return 2
	}
	if err := writePKI(*dir, *server, *out, *ns); err != nil {
		fmt.Fprintln(os.Stderr, "pki:", err)
		return 1
	}
	return 0
}

func writePKI(dir, server, out, ns string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	caKey, err := newKey()
	if err != nil {
		return err
	}
	now := time.Now().Add(-time.Hour)
	caTmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "capstan-test-ca"},
		NotBefore:             now,
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return err
	}
	ca, _ := x509.ParseCertificate(caDER)
	caPEM := pemBlock("CERTIFICATE", caDER)
	if err := write(dir, "ca.crt", caPEM); err != nil {
		return err
	}
	if err := writeKey(dir, "ca.key", caKey); err != nil {
		return err
	}

	serving := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: "kube-apiserver"},
		NotBefore:    now,
		NotAfter:     now.Add(365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames: []string{"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
			"kubernetes.default.svc.cluster.local"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("10.0.0.1")},
	}
	if _, _, err := issue(dir, "apiserver", serving, ca, caKey); err != nil {
		return err
	}

	saKey, err := newKey()
	if err != nil {
		return err
	}
	if err := writeKey(dir, "sa.key", saKey); err != nil {
		return err
	}
	saPub, err := x509.MarshalPKIXPublicKey(&saKey.PublicKey)
	if err != nil {
		return err
	}
	if err := write(dir, "sa.pub", pemBlock("PUBLIC KEY", saPub)); err != nil {
		return err
	}

	users := map[string][2][]byte{}
	for _, id := range identities {
		tmpl := &x509.Certificate{
			SerialNumber: serial(),
			Subject:      pkix.Name{CommonName: id.user, Organization: id.groups},
			NotBefore:    now,
			NotAfter:     now.Add(365 * 24 * time.Hour),
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		}
		certPEM, keyPEM, err := issue(dir, id.file, tmpl, ca, caKey)
		if err != nil {
			return err
		}
		users[id.file] = [2][]byte{certPEM, keyPEM}
		single := kubeconfig(server, caPEM, []ctx{{id.file, id.user, certPEM, keyPEM, ""}})
		if err := write(dir, id.file+".kubeconfig", []byte(single)); err != nil {
			return err
		}
	}
	combined := kubeconfig(server, caPEM, []ctx{
		{"capstan-admin", "capstan-admin", users["admin"][0], users["admin"][1], ""},
		{"capstan-restricted", "capstan-restricted", users["restricted"][0], users["restricted"][1], ns},
	})
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(combined), 0o600)
}

type ctx struct {
	name, user string
	cert, key  []byte
	namespace  string
}

// kubeconfig renders a kubeconfig with one cluster and a context per user;
// the first context is the current one.
func kubeconfig(server string, caPEM []byte, ctxs []ctx) string {
	b64 := base64.StdEncoding.EncodeToString
	var s strings.Builder
	s.WriteString("apiVersion: v1\nkind: Config\nclusters:\n- name: capstan\n  cluster:\n")
	fmt.Fprintf(&s, "    server: %s\n    certificate-authority-data: %s\n", server, b64(caPEM))
	s.WriteString("users:\n")
	for _, c := range ctxs {
		fmt.Fprintf(&s, "- name: %s\n  user:\n    client-certificate-data: %s\n    client-key-data: %s\n",
			c.user, b64(c.cert), b64(c.key))
	}
	s.WriteString("contexts:\n")
	for _, c := range ctxs {
		fmt.Fprintf(&s, "- name: %s\n  context:\n    cluster: capstan\n    user: %s\n", c.name, c.user)
		if c.namespace != "" {
			fmt.Fprintf(&s, "    namespace: %s\n", c.namespace)
		}
	}
	fmt.Fprintf(&s, "current-context: %s\npreferences: {}\n", ctxs[0].name)
	return s.String()
}

func issue(dir, name string, tmpl, ca *x509.Certificate, caKey *ecdsa.PrivateKey) ([]byte, []byte, error) {
	key, err := newKey()
	if err != nil {
		return nil, nil, err
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, nil, err
	}
	certPEM := pemBlock("CERTIFICATE", der)
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	keyPEM := pemBlock("EC PRIVATE KEY", keyDER)
	if err := write(dir, name+".crt", certPEM); err != nil {
		return nil, nil, err
	}
	return certPEM, keyPEM, write(dir, name+".key", keyPEM)
}

func newKey() (*ecdsa.PrivateKey, error) { return ecdsa.GenerateKey(elliptic.P256(), rand.Reader) }

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	return n
}

func writeKey(dir, name string, key *ecdsa.PrivateKey) error {
	der, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	return write(dir, name, pemBlock("EC PRIVATE KEY", der))
}

func pemBlock(kind string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der})
}

func write(dir, name string, data []byte) error {
	return os.WriteFile(filepath.Join(dir, name), data, 0o600)
}
