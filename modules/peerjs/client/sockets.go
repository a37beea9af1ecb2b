package client

import (
	"net"

	"github.com/pion/transport/v4"
	"github.com/pion/transport/v4/stdnet"
	"github.com/pion/webrtc/v4"
)

// sctpReceiveWindow is the SCTP receive buffer, the most a sender may have
// in flight to us. pion's default, 1 MiB of payload, is some 1.08 MB of
// DTLS records on the wire, more than the 1,000,000-byte buffers that
// stand between the UDP socket and the DTLS reader (pion's ICE agent buffer
// and its mux endpoint buffer): when that reader falls behind for a moment
// during a bulk transfer, the buffer fills and pion drops packets ("mux:
// endpoint buffer is full, dropping packet"), each drop a retransmission and
// a halved congestion window. 768 KiB of payload (some 0.83 MB on the wire)
// always fits.
const sctpReceiveWindow = 768 << 10

// TuneSettingEngine applies what every Peer asks of pion for bulk
// transfers (larger UDP socket buffers, an SCTP receive window that pion's
// own buffers hold); a Peer adds its Options on top. It is exported for the
// Go ceiling of the benchmarks (scripts/bench/peerjs/ceiling), which must
// run pion as a Peer does.
func TuneSettingEngine(se *webrtc.SettingEngine) {
	if n := newBufferedNet(); n != nil {
		se.SetNet(n)
	}
	se.SetSCTPMaxReceiveBufferSize(sctpReceiveWindow)
}

// udpSocketBuffer is the kernel receive and send buffer asked for each ICE
// UDP socket. The Linux default (about 200 KiB, some 170 packets) fills
// while a busy receiver is scheduled out during a bulk transfer; every
// dropped packet then costs SCTP a retransmission and halves its
// congestion window. The kernel caps the request at net.core.rmem_max.
const udpSocketBuffer = 4 << 20

// bufferedNet is the standard network with larger UDP socket buffers.
type bufferedNet struct{ transport.Net }

// newBufferedNet returns the standard network with udpSocketBuffer-sized
// UDP sockets, or nil when the interfaces cannot be listed (pion then
// uses its own default).
func newBufferedNet() transport.Net {
	n, err := stdnet.NewNet()
	if err != nil {
		return nil
	}
	return bufferedNet{n}
}

// ListenUDP listens as the standard network does, then enlarges the
// socket's buffers (best effort).
func (n bufferedNet) ListenUDP(network string, laddr *net.UDPAddr) (transport.UDPConn, error) {
	c, err := n.Net.ListenUDP(network, laddr)
	if err == nil {
		_ = c.SetReadBuffer(udpSocketBuffer)
		_ = c.SetWriteBuffer(udpSocketBuffer)
	}
	return c, err
}

// ListenPacket listens as the standard network does, then enlarges the
// buffers of UDP sockets (best effort).
func (n bufferedNet) ListenPacket(network, address string) (net.PacketConn, error) {
	c, err := n.Net.ListenPacket(network, address)
	if uc, ok := c.(interface {
		SetReadBuffer(int) error
		SetWriteBuffer(int) error
	}); ok && err == nil {
		_ = uc.SetReadBuffer(udpSocketBuffer)
		_ = uc.SetWriteBuffer(udpSocketBuffer)
	}
	return c, err
}
