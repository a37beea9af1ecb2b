package signal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ConnectionTypeData is the "type" of a payload that belongs to a
// DataConnection; media connections use ConnectionTypeMedia.
const (
	ConnectionTypeData  = "data"
	ConnectionTypeMedia = "media"
)

// SessionDescription is an RTCSessionDescriptionInit: {"type","sdp"}.
type SessionDescription struct {
	// Type is "offer" or "answer".
	Type string `json:"type"`
	// SDP is the session description text.
	SDP string `json:"sdp"`
}

// ICECandidate is an RTCIceCandidateInit as browsers serialize it
// (RTCIceCandidate.toJSON): the pointers are nil when the field is null or
// absent.
type ICECandidate struct {
	// Candidate is the "candidate:..." attribute line.
	Candidate string `json:"candidate"`
	// SDPMid is the media stream identification tag, e.g. "0".
	SDPMid *string `json:"sdpMid"`
	// SDPMLineIndex is the index of the m= line the candidate belongs to.
	SDPMLineIndex *uint16 `json:"sdpMLineIndex"`
	// UsernameFragment is the ICE ufrag the candidate belongs to.
	UsernameFragment *string `json:"usernameFragment"`
}

// OfferPayload is the payload of an OFFER for a data connection, with its
// fields in the order PeerJS 1.5.5 writes them.
type OfferPayload struct {
	// SDP is the offer.
	SDP SessionDescription `json:"sdp"`
	// Type is ConnectionTypeData (or ConnectionTypeMedia for calls).
	Type string `json:"type"`
	// ConnectionID names the connection: "dc_" + a random token.
	ConnectionID string `json:"connectionId"`
	// Metadata is the JSON text of the dialler's metadata, or nil when the
	// dialler gave none (then the key is left out, as JSON.stringify drops
	// undefined).
	Metadata json.RawMessage `json:"metadata,omitempty"`
	// Label is the data channel label (the connection id when none given).
	Label string `json:"label"`
	// Reliable asks for an ordered channel.
	Reliable bool `json:"reliable"`
	// Serialization is "binary", "json" or "raw".
	Serialization string `json:"serialization"`
}

// AnswerPayload is the payload of an ANSWER.
type AnswerPayload struct {
	// SDP is the answer.
	SDP SessionDescription `json:"sdp"`
	// Type is the connection type, ConnectionTypeData.
	Type string `json:"type"`
	// ConnectionID names the connection the answer belongs to.
	ConnectionID string `json:"connectionId"`
}

// CandidatePayload is the payload of a CANDIDATE.
type CandidatePayload struct {
	// Candidate is the trickled ICE candidate.
	Candidate ICECandidate `json:"candidate"`
	// Type is the connection type, ConnectionTypeData.
	Type string `json:"type"`
	// ConnectionID names the connection the candidate belongs to.
	ConnectionID string `json:"connectionId"`
}

// ErrorPayload is the payload of ERROR and ID-TAKEN: {"msg": "..."}.
type ErrorPayload struct {
	// Msg is the server's message, e.g. "Invalid key provided".
	Msg string `json:"msg"`
}

// Encode returns the JSON text of p. It cannot fail: every field is a
// string, a bool or already-valid JSON text (an invalid Metadata is
// replaced by null so the envelope stays valid).
func (p OfferPayload) Encode() json.RawMessage {
	if len(p.Metadata) > 0 && !json.Valid(p.Metadata) {
		p.Metadata = json.RawMessage("null")
	}
	return mustMarshal(p)
}

// Encode returns the JSON text of p.
func (p AnswerPayload) Encode() json.RawMessage { return mustMarshal(p) }

// Encode returns the JSON text of p.
func (p CandidatePayload) Encode() json.RawMessage { return mustMarshal(p) }

// Encode returns the JSON text of p.
func (p ErrorPayload) Encode() json.RawMessage { return mustMarshal(p) }

// mustMarshal marshals the payload structs above, whose fields cannot make
// encoding/json fail. Like JSON.stringify it leaves <, > and & unescaped.
func mustMarshal(v any) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("signal: marshalling a payload struct failed: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// DecodeOffer parses the payload of an OFFER. It requires an object with a
// connectionId and an SDP of type "offer".
func DecodeOffer(payload json.RawMessage) (OfferPayload, error) {
	var p OfferPayload
	if err := decodeObject("OFFER", payload, &p); err != nil {
		return OfferPayload{}, err
	}
	if p.ConnectionID == "" {
		return OfferPayload{}, errors.New("signal: OFFER payload has no connectionId")
	}
	if p.SDP.Type != "offer" || p.SDP.SDP == "" {
		return OfferPayload{}, fmt.Errorf("signal: OFFER payload has no offer SDP (type %q)", p.SDP.Type)
	}
	if len(p.Metadata) > 0 {
		var buf bytes.Buffer
		if err := json.Compact(&buf, p.Metadata); err == nil {
			p.Metadata = buf.Bytes()
		}
	}
	return p, nil
}

// DecodeAnswer parses the payload of an ANSWER. It requires a connectionId
// and an SDP of type "answer".
func DecodeAnswer(payload json.RawMessage) (AnswerPayload, error) {
	var p AnswerPayload
	if err := decodeObject("ANSWER", payload, &p); err != nil {
		return AnswerPayload{}, err
	}
	if p.ConnectionID == "" {
		return AnswerPayload{}, errors.New("signal: ANSWER payload has no connectionId")
	}
	if p.SDP.Type != "answer" || p.SDP.SDP == "" {
		return AnswerPayload{}, fmt.Errorf("signal: ANSWER payload has no answer SDP (type %q)", p.SDP.Type)
	}
	return p, nil
}

// DecodeCandidate parses the payload of a CANDIDATE. It requires a
// connectionId and a candidate line.
func DecodeCandidate(payload json.RawMessage) (CandidatePayload, error) {
	var p CandidatePayload
	if err := decodeObject("CANDIDATE", payload, &p); err != nil {
		return CandidatePayload{}, err
	}
	if p.ConnectionID == "" {
		return CandidatePayload{}, errors.New("signal: CANDIDATE payload has no connectionId")
	}
	if p.Candidate.Candidate == "" {
		return CandidatePayload{}, errors.New("signal: CANDIDATE payload has no candidate")
	}
	return p, nil
}

// DecodeError parses the payload of ERROR or ID-TAKEN. A missing or
// malformed payload gives an empty message, not an error: the type alone is
// enough to act on.
func DecodeError(payload json.RawMessage) ErrorPayload {
	var p ErrorPayload
	if len(payload) > 0 && payload[0] == '{' {
		_ = json.Unmarshal(payload, &p)
	}
	return p
}

// ConnectionIDOf returns the "connectionId" string of a payload object, or
// "" when there is none. Clients use it to route a message to its
// connection before decoding the rest.
func ConnectionIDOf(payload json.RawMessage) string {
	if len(payload) == 0 || payload[0] != '{' {
		return ""
	}
	var p struct {
		ConnectionID json.RawMessage `json:"connectionId"`
	}
	if json.Unmarshal(payload, &p) != nil || len(p.ConnectionID) == 0 || p.ConnectionID[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(p.ConnectionID, &s) != nil {
		return ""
	}
	return s
}

// decodeObject unmarshals a payload that must be a JSON object into v,
// naming the message type in its errors.
func decodeObject(kind string, payload json.RawMessage, v any) error {
	trimmed := bytes.TrimLeft(payload, " \t\r\n")
	if len(trimmed) == 0 {
		return fmt.Errorf("signal: %s has no payload", kind)
	}
	if trimmed[0] != '{' {
		return fmt.Errorf("signal: %s payload is not a JSON object", kind)
	}
	if err := json.Unmarshal(trimmed, v); err != nil {
		return fmt.Errorf("signal: %s payload: %v", kind, err)
	}
	return nil
}
