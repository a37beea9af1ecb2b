package client

import (
	"strings"

	"github.com/pion/webrtc/v4"

	"earlynode/modules/peerjs/signal"
)

// startOffer negotiates as the dialling side (Negotiator.startConnection
// with originator set): create the channel, make the offer, send OFFER.
func (c *DataConnection) startOffer() {
	c.work.post(func() {
		pc := c.newPeerConnection()
		if pc == nil {
			return
		}
		ordered := c.reliable
		dc, err := pc.CreateDataChannel(c.label, &webrtc.DataChannelInit{Ordered: &ordered})
		if err != nil {
			c.fail(newError(ErrWebRTC, err, "Cannot create the data channel %q", c.label))
			return
		}
		c.bindChannel(dc)
		offer, err := pc.CreateOffer(nil)
		if err == nil {
			err = pc.SetLocalDescription(offer)
		}
		if err != nil {
			c.fail(newError(ErrWebRTC, err, "Cannot make an offer for %s", c.remote))
			return
		}
		c.peer.sendSignal(signal.Message{Type: signal.TypeOffer, Dst: c.remote, Payload: signal.OfferPayload{
			SDP:           signal.SessionDescription{Type: "offer", SDP: offer.SDP},
			Type:          signal.ConnectionTypeData,
			ConnectionID:  c.id,
			Metadata:      c.metadata,
			Label:         c.label,
			Reliable:      c.reliable,
			Serialization: string(c.ser),
		}.Encode()})
		c.localDescriptionSent()
	})
}

// startAnswer negotiates as the dialled side: apply the offer, replay the
// messages that came before it, answer.
func (c *DataConnection) startAnswer(offer signal.OfferPayload, early []signal.Message) {
	c.work.post(func() {
		pc := c.newPeerConnection()
		if pc == nil {
			return
		}
		pc.OnDataChannel(c.bindChannel)
		if err := pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: offer.SDP.SDP}); err != nil {
			c.fail(newError(ErrWebRTC, err, "Cannot use the offer of %s", c.remote))
			return
		}
		c.remoteDescriptionSet()
		for _, m := range early {
			c.applySignal(m)
		}
		answer, err := pc.CreateAnswer(nil)
		if err == nil {
			err = pc.SetLocalDescription(answer)
		}
		if err != nil {
			c.fail(newError(ErrWebRTC, err, "Cannot answer the offer of %s", c.remote))
			return
		}
		c.peer.sendSignal(signal.Message{Type: signal.TypeAnswer, Dst: c.remote, Payload: signal.AnswerPayload{
			SDP:          signal.SessionDescription{Type: "answer", SDP: answer.SDP},
			Type:         signal.ConnectionTypeData,
			ConnectionID: c.id,
		}.Encode()})
		c.localDescriptionSent()
	})
}

// handleSignal queues an ANSWER or CANDIDATE for this connection behind the
// negotiation steps already queued.
func (c *DataConnection) handleSignal(m signal.Message) {
	c.work.post(func() { c.applySignal(m) })
}

// applySignal applies an ANSWER or CANDIDATE. Bad ones are reported as
// ErrWebRTC on the Peer, as PeerJS does, and leave the connection alone.
func (c *DataConnection) applySignal(m signal.Message) {
	c.mu.Lock()
	pc, closed := c.pc, c.closed
	c.mu.Unlock()
	if closed || pc == nil {
		return
	}
	switch m.Type {
	case signal.TypeAnswer:
		answer, err := signal.DecodeAnswer(m.Payload)
		if err == nil && !c.originator {
			return // an answer to an offer we never made: ignore it.
		}
		if err == nil {
			err = pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: answer.SDP.SDP})
		}
		if err != nil {
			c.peer.emitError(newError(ErrWebRTC, err, "Cannot use the answer of %s", c.remote))
			return
		}
		c.remoteDescriptionSet()
	case signal.TypeCandidate:
		cand, err := signal.DecodeCandidate(m.Payload)
		if err != nil {
			c.peer.emitError(newError(ErrWebRTC, err, "Malformed candidate from %s", c.remote))
			return
		}
		init := webrtc.ICECandidateInit{
			Candidate:        cand.Candidate.Candidate,
			SDPMid:           cand.Candidate.SDPMid,
			SDPMLineIndex:    cand.Candidate.SDPMLineIndex,
			UsernameFragment: cand.Candidate.UsernameFragment,
		}
		c.mu.Lock()
		if !c.remoteSet {
			c.heldRemote = append(c.heldRemote, init)
			c.mu.Unlock()
			return
		}
		c.mu.Unlock()
		if err := pc.AddICECandidate(init); err != nil {
			c.peer.emitError(newError(ErrWebRTC, err, "Cannot add a candidate from %s", c.remote))
		}
	default:
		c.peer.logf(2, "Unrecognized message type:%s from peer:%s", m.Type, c.remote)
	}
}

// newPeerConnection creates and wires this connection's RTCPeerConnection.
// It returns nil (having reported why) when it cannot, or when the
// connection was closed meanwhile.
func (c *DataConnection) newPeerConnection() *webrtc.PeerConnection {
	pc, err := c.peer.api.NewPeerConnection(*c.peer.opts.Config)
	if err != nil {
		c.fail(newError(ErrWebRTC, err, "Cannot create a peer connection to %s", c.remote))
		return nil
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		go pc.Close()
		return nil
	}
	c.pc = pc
	c.mu.Unlock()
	pc.OnICECandidate(func(cand *webrtc.ICECandidate) {
		if cand == nil {
			return // end of gathering: PeerJS sends nothing.
		}
		c.localCandidate(pc, cand.ToJSON())
	})
	pc.OnICEConnectionStateChange(func(s webrtc.ICEConnectionState) {
		switch s {
		case webrtc.ICEConnectionStateFailed:
			c.fail(newError(ErrNegotiationFailed, nil, "Negotiation of connection to %s failed.", c.remote))
		case webrtc.ICEConnectionStateClosed:
			c.fail(newError(ErrConnectionClosed, nil, "Connection to %s closed.", c.remote))
		}
	})
	pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
		if s == webrtc.PeerConnectionStateFailed || s == webrtc.PeerConnectionStateClosed {
			c.Close()
		}
	})
	return pc
}

// bindChannel adopts the connection's data channel: the one it created, or
// the first one the remote side opens.
func (c *DataConnection) bindChannel(dc *webrtc.DataChannel) {
	c.mu.Lock()
	if c.dc != nil || c.closed {
		c.mu.Unlock()
		_ = dc.Close()
		return
	}
	c.dc = dc
	c.mu.Unlock()
	dc.SetBufferedAmountLowThreshold(maxBufferedAmount / 2)
	dc.OnBufferedAmountLow(c.flushPending)
	dc.OnOpen(c.markOpen)
	dc.OnMessage(func(msg webrtc.DataChannelMessage) {
		c.receive(frame{data: msg.Data, text: msg.IsString})
	})
	dc.OnClose(c.Close)
}

// localCandidate sends one gathered candidate, or holds it until our
// OFFER/ANSWER has gone out.
func (c *DataConnection) localCandidate(pc *webrtc.PeerConnection, init webrtc.ICECandidateInit) {
	if init.SDPMid == nil || *init.SDPMid == "" {
		if mid := firstMid(pc); mid != "" {
			init.SDPMid = &mid
		}
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	if !c.localSent {
		c.heldLocal = append(c.heldLocal, init)
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	c.sendCandidate(init)
}

// sendCandidate sends one CANDIDATE message.
func (c *DataConnection) sendCandidate(init webrtc.ICECandidateInit) {
	c.peer.sendSignal(signal.Message{Type: signal.TypeCandidate, Dst: c.remote, Payload: signal.CandidatePayload{
		Candidate: signal.ICECandidate{
			Candidate:        init.Candidate,
			SDPMid:           init.SDPMid,
			SDPMLineIndex:    init.SDPMLineIndex,
			UsernameFragment: init.UsernameFragment,
		},
		Type:         signal.ConnectionTypeData,
		ConnectionID: c.id,
	}.Encode()})
}

// localDescriptionSent releases the candidates held until now.
func (c *DataConnection) localDescriptionSent() {
	c.mu.Lock()
	c.localSent = true
	held := c.heldLocal
	c.heldLocal = nil
	c.mu.Unlock()
	for _, init := range held {
		c.sendCandidate(init)
	}
}

// remoteDescriptionSet applies the remote candidates held until now.
func (c *DataConnection) remoteDescriptionSet() {
	c.mu.Lock()
	c.remoteSet = true
	held := c.heldRemote
	c.heldRemote = nil
	pc := c.pc
	c.mu.Unlock()
	for _, init := range held {
		if err := pc.AddICECandidate(init); err != nil {
			c.peer.emitError(newError(ErrWebRTC, err, "Cannot add a candidate from %s", c.remote))
		}
	}
}

// firstMid returns the a=mid of the first media section of pc's local
// description, or "".
func firstMid(pc *webrtc.PeerConnection) string {
	d := pc.LocalDescription()
	if d == nil {
		return ""
	}
	for _, line := range strings.Split(d.SDP, "\n") {
		if mid, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "a=mid:"); ok {
			return mid
		}
	}
	return ""
}
