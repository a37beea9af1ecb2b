// Package natslink connects a loop to NATS through a helper process, the node binary run as
// `node --nats-helper` (internal/bus/natshelper), that holds the NATS client
// (github.com/nats-io/nats.go) and, when asked, an embedded NATS server
// (github.com/nats-io/nats-server/v2). NATS's goroutines and memory stay out of the process
// that runs JavaScript (docs/scaling.md, Where NATS runs).
//
// The two processes speak over a socket pair in the frames of internal/bus/wire. A
// frame whose subject is one of the control subjects below is a command or an event; any other
// is a message: published when the node process sends it, received on a subscription when the
// helper sends it.
package natslink

// Control subjects. NATS subjects of earlynode's own never start with "_".
const (
	// SubjectSubscribe (node -> helper): subscribe to the subject in the frame's data.
	SubjectSubscribe = "_SUB"
	// SubjectUp (helper -> node): connected to NATS (at start, and again after a loss).
	SubjectUp = "_UP"
	// SubjectDown (helper -> node): the connection to NATS is lost; the helper keeps trying.
	SubjectDown = "_DOWN"
	// SubjectError (helper -> node): something went wrong; the data says what.
	SubjectError = "_ERR"
)

// LinkFD is the descriptor of the helper's end of the socket pair.
const LinkFD = 3
