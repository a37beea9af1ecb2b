package client

import (
	"earlynode/modules/peerjs/signal"
)

// handleMessage acts on one message from the server (Peer._handleMessage
// of PeerJS). It runs on the signalling socket's loop, as each message is
// read; what takes time is posted elsewhere.
func (p *Peer) handleMessage(m signal.Message) {
	switch m.Type {
	case signal.TypeOpen:
		p.mu.Lock()
		id := p.id
		p.lastServerID = id
		p.open = true
		p.mu.Unlock()
		p.post(func() {
			if f := p.events.Open; f != nil {
				f(id)
			}
		})
	case signal.TypeError:
		p.abort(newError(ErrServerError, nil, "%s", signal.DecodeError(m.Payload).Msg))
	case signal.TypeIDTaken:
		p.abort(newError(ErrUnavailableID, nil, "ID %q is taken", p.ID()))
	case signal.TypeInvalidKey:
		p.abort(newError(ErrInvalidKey, nil, "API KEY %q is invalid", p.opts.Key))
	case signal.TypeLeave:
		p.logf(3, "Received leave message from %s", m.Src)
		for _, c := range p.Connections()[m.Src] {
			c.Close()
		}
	case signal.TypeExpire:
		p.emitError(newError(ErrPeerUnavailable, nil, "Could not connect to peer %s", m.Src))
		// Connections to that peer that never opened will not open now.
		for _, c := range p.Connections()[m.Src] {
			if !c.WasOpen() {
				c.fail(newError(ErrPeerUnavailable, nil, "Could not connect to peer %s", m.Src))
			}
		}
	case signal.TypeOffer:
		p.handleOffer(m)
	default:
		if len(m.Payload) == 0 {
			p.logf(2, "You received a malformed message from %s of type %s", m.Src, m.Type)
			return
		}
		connID := signal.ConnectionIDOf(m.Payload)
		p.mu.Lock()
		c := p.connectionLocked(m.Src, connID)
		if c == nil && connID != "" && !p.destroyed {
			p.storeLostLocked(connID, m)
		}
		p.mu.Unlock()
		if c != nil {
			c.handleSignal(m)
		} else if connID == "" {
			p.logf(2, "You received an unrecognized message: %s", m.Encode())
		}
	}
}

// handleOffer creates the DataConnection a remote peer asks for.
func (p *Peer) handleOffer(m signal.Message) {
	offer, err := signal.DecodeOffer(m.Payload)
	if err != nil {
		p.emitError(newError(ErrWebRTC, err, "Malformed OFFER from %s", m.Src))
		return
	}
	if m.Src == "" {
		p.logf(2, "OFFER without a source ignored")
		return
	}
	if offer.Type != signal.ConnectionTypeData {
		p.logf(2, "Received connection of type %q from %s: only data connections are supported", offer.Type, m.Src)
		return
	}
	ser, serr := ParseSerialization(offer.Serialization)
	if serr != nil {
		p.emitError(newError(ErrWebRTC, serr, "OFFER from %s has serialization %q", m.Src, offer.Serialization))
		return
	}
	p.mu.Lock()
	if p.disconnected || p.destroyed {
		p.mu.Unlock()
		return
	}
	old := p.connectionLocked(m.Src, offer.ConnectionID)
	p.mu.Unlock()
	if old != nil {
		p.logf(2, "Offer received for existing Connection ID:%s", offer.ConnectionID)
		old.Close()
	}
	label := offer.Label
	if label == "" {
		label = offer.ConnectionID
	}
	c := newDataConnection(p, m.Src, offer.ConnectionID, label, offer.Metadata, ser, offer.Reliable, false)
	p.mu.Lock()
	p.connections[m.Src] = append(p.connections[m.Src], c)
	lost := p.lost[offer.ConnectionID]
	delete(p.lost, offer.ConnectionID)
	p.mu.Unlock()
	p.post(func() {
		if f := p.events.Connection; f != nil {
			f(c)
		}
	})
	c.startAnswer(offer, lost)
}

// storeLostLocked keeps a message for a connection that does not exist yet
// (its OFFER may still come), within limits. p.mu must be held.
func (p *Peer) storeLostLocked(connID string, m signal.Message) {
	list, ok := p.lost[connID]
	if !ok && len(p.lost) >= maxLostConnections {
		return
	}
	if len(list) >= maxLostPerConn {
		return
	}
	p.lost[connID] = append(list, m)
}
