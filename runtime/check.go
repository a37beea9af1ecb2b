package runtime

import (
	"fmt"
	"io"
	"os"
)

// Check parses the script at path without running it (node --check). It reports a syntax error
// as a fatal error would and returns 1, a missing file with one line and 1, or 0.
func Check(path string, stderr io.Writer) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "node: cannot read script %s: %v\n", path, unwrapPathError(err))
		return 1
	}
	if _, err := compileModule(path, string(src)); err != nil {
		rt := &Runtime{sources: map[string]string{path: string(src)}}
		fmt.Fprint(stderr, rt.Report(err))
		return 1
	}
	return 0
}
