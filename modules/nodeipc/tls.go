package nodeipc

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"time"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// pemList reads a key, cert or ca option: a PEM string, a Buffer, or an array of them.
func (m *module) pemList(v goja.Value) [][]byte {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		var out [][]byte
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			out = append(out, m.pemList(o.Get(strconv.Itoa(i)))...)
		}
		return out
	}
	b, err := m.rt.BytesOf(v, runtime.BufferEncoding)
	if err != nil {
		return nil
	}
	return [][]byte{append([]byte(nil), b...)}
}

func (m *module) keyPair(t *goja.Object) (*tls.Certificate, error) {
	keys, certs := m.pemList(t.Get("key")), m.pemList(t.Get("cert"))
	if len(keys) == 0 || len(certs) == 0 {
		return nil, nil
	}
	var chain []byte
	for _, c := range certs {
		chain = append(chain, c...)
	}
	kp, err := tls.X509KeyPair(chain, keys[0])
	if err != nil {
		return nil, fmt.Errorf("node-ipc tls: key and certificate: %w", err)
	}
	return &kp, nil
}

func (m *module) caPool(t *goja.Object) (*x509.CertPool, error) {
	cas := m.pemList(t.Get("ca"))
	if len(cas) == 0 {
		return nil, nil
	}
	pool := x509.NewCertPool()
	for _, c := range cas {
		if !pool.AppendCertsFromPEM(c) {
			return nil, errors.New("node-ipc tls: a trusted connection (ca) holds no PEM certificate")
		}
	}
	return pool, nil
}

func optionBool(t *goja.Object, name string, def bool) bool {
	v := t.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return def
	}
	return v.ToBoolean()
}

// serverTLS builds the server's TLS configuration from config.tls (after node-ipc read the
// files): key and cert (a fresh self-signed certificate when absent, where the real library
// uses its bundled, long expired one), ca, requestCert and rejectUnauthorized.
func (m *module) serverTLS(t *goja.Object) (*tls.Config, error) {
	kp, err := m.keyPair(t)
	if err != nil {
		return nil, err
	}
	if kp == nil {
		if kp, err = selfSigned(); err != nil {
			return nil, err
		}
	}
	conf := &tls.Config{Certificates: []tls.Certificate{*kp}, MinVersion: tls.VersionTLS12}
	pool, err := m.caPool(t)
	if err != nil {
		return nil, err
	}
	conf.ClientCAs = pool
	if optionBool(t, "requestCert", false) {
		if optionBool(t, "rejectUnauthorized", true) {
			conf.ClientAuth = tls.RequireAndVerifyClientCert
		} else {
			conf.ClientAuth = tls.RequestClientCert
		}
	}
	return conf, nil
}

// clientTLS builds a client's TLS configuration: key and cert for a client certificate, ca
// for the trusted roots (the system's when absent), rejectUnauthorized (default true: the
// server's certificate must verify and name the host) and servername.
func (m *module) clientTLS(t *goja.Object, host string) (*tls.Config, error) {
	conf := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: host}
	if sn := t.Get("servername"); sn != nil && !goja.IsUndefined(sn) && sn.String() != "" {
		conf.ServerName = sn.String()
	}
	kp, err := m.keyPair(t)
	if err != nil {
		return nil, err
	}
	if kp != nil {
		conf.Certificates = []tls.Certificate{*kp}
	}
	if conf.RootCAs, err = m.caPool(t); err != nil {
		return nil, err
	}
	conf.InsecureSkipVerify = !optionBool(t, "rejectUnauthorized", true)
	return conf, nil
}

// selfSigned makes a certificate for localhost, 127.0.0.1 and ::1, valid for a day.
func selfSigned() (*tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "localhost", Organization: []string{"earlynode node-ipc"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	return &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}
