package jsonframe

// MaxDepth is how deeply the arrays and objects of a message may nest in earlynode's IPC
// codecs (socket-ipc, node-ipc): a received message nested deeper is refused, and a value
// nested deeper is not sent, each with an error naming the limit. Node 20's JSON.parse accepts
// any depth but its JSON.stringify throws RangeError past about 4,000 levels (arrays, default
// stack), so no real peer sends deeper than that; real messages nest a few levels.
const MaxDepth = 1000

// Depth returns how deeply arrays and objects nest in text, counting only brackets outside
// strings; it stops counting once the depth passes limit (returning limit+1). It reads any
// bytes in one pass without recursion; on text that is not JSON the answer means little.
func Depth(text []byte, limit int) int {
	depth, deepest := 0, 0
	inString := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if inString {
			switch c {
			case '\\':
				i++ // the escaped byte cannot end the string
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth > deepest {
				deepest = depth
				if deepest > limit {
					return limit + 1
				}
			}
		case ']', '}':
			depth--
		}
	}
	return deepest
}
