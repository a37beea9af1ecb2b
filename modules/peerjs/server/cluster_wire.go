package server

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"earlynode/modules/peerjs/signal"
)

// The messages members of a PeerServer cluster exchange on NATS (docs/scaling.md, PeerServer
// cluster). Under the subject prefix P ("earlynode.peerjs.<cluster name>"):
//
//	P.dir         directory news, JSON dirMsg: a member's ids joining and leaving, a member
//	              saying hello (asking everyone to announce their ids again) and staying alive
//	P.m.<member>  a relay batch: the signalling messages of one turn for the clients of the
//	              member that holds their destinations, each with its destination and the
//	              frame as PeerServer writes it (type, src, dst, payload), so that the member
//	              receiving them writes the frames to its clients without decoding them

// The operations of a dirMsg.
const (
	opJoin  = "join"  // ID registered at Member with Token (hashed) at At (unix ns)
	opLeave = "leave" // ID left Member
	opHello = "hello" // Member (re)joined the cluster: everyone announces their ids again
	opAlive = "alive" // Member is alive (every second)
)

// dirMsg is one piece of directory news.
type dirMsg struct {
	Op     string `json:"op"`
	Member string `json:"member"`
	ID     string `json:"id,omitempty"`
	Token  string `json:"token,omitempty"`
	At     int64  `json:"at,omitempty"`
}

// maxMemberName bounds a member's name on the wire.
const maxMemberName = 64

// decodeDirMsg parses and checks directory news from another member.
func decodeDirMsg(b []byte) (dirMsg, error) {
	var m dirMsg
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("peerjs cluster: bad directory message: %v", err)
	}
	if m.Member == "" || len(m.Member) > maxMemberName {
		return m, errors.New("peerjs cluster: directory message without a valid member name")
	}
	switch m.Op {
	case opJoin:
		if m.ID == "" || len(m.ID) > signal.MaxIDLength || m.Token == "" {
			return m, errors.New("peerjs cluster: join without an id and a token")
		}
	case opLeave:
		if m.ID == "" || len(m.ID) > signal.MaxIDLength {
			return m, errors.New("peerjs cluster: leave without an id")
		}
	case opHello, opAlive:
	default:
		return m, fmt.Errorf("peerjs cluster: unknown directory operation %q", m.Op)
	}
	return m, nil
}

// encode returns m's JSON text.
func (m dirMsg) encode() []byte {
	b, _ := json.Marshal(m) // strings and a number always marshal
	return b
}

// hashToken is what members share of a client's token: enough to tell the same client from
// another, not the token itself.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:16])
}

// A relay batch is one or more records, each
//
//	dstLength:uint16be dst frameLength:uint32be frame
//
// dst is the destination's id (at most signal.MaxIDLength bytes, never empty) and frame the
// signalling frame its client gets.

// maxRelayBatch is the size past which a member's batch is published before the turn ends;
// NATS refuses a message over its max_payload (1 MiB by default).
const maxRelayBatch = 64 << 10

// appendRelay appends the record of m, encoded as its destination's client gets it, to a
// relay batch.
func appendRelay(b []byte, m signal.Message) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(m.Dst)))
	b = append(b, m.Dst...)
	at := len(b)
	b = m.AppendEncode(append(b, 0, 0, 0, 0))
	binary.BigEndian.PutUint32(b[at:], uint32(len(b)-at-4))
	return b
}

// errRelayBatch says a relay batch breaks its format.
var errRelayBatch = errors.New("peerjs cluster: bad relay batch")

// decodeRelayBatch calls fn with each record of batch b, in order (dst and frame point into
// b). A record that breaks the format stops it with errRelayBatch, after the good records
// before it.
func decodeRelayBatch(b []byte, fn func(dst, frame []byte)) error {
	for len(b) > 0 {
		if len(b) < 2 {
			return errRelayBatch
		}
		n := int(binary.BigEndian.Uint16(b))
		if n == 0 || n > signal.MaxIDLength || len(b) < 2+n+4 {
			return errRelayBatch
		}
		dst := b[2 : 2+n]
		b = b[2+n:]
		m := binary.BigEndian.Uint32(b)
		if uint64(m) > uint64(len(b)-4) {
			return errRelayBatch
		}
		fn(dst, b[4:4+m])
		b = b[4+m:]
	}
	return nil
}
