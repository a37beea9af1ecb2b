package server

import (
	"crypto/sha256"
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
//	P.m.<member>  a signalling message relayed to the member that holds its destination: the
//	              frame as PeerServer writes it (type, src, dst, payload)

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
