//go:build unix

package process

import (
	"os"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// envObject is process.env: the process's real environment, read and written through (so
// child processes see the changes); values are stored as strings, as in Node.
type envObject struct{ vm *goja.Runtime }

func (e *envObject) Get(key string) goja.Value {
	if v, ok := os.LookupEnv(key); ok {
		return e.vm.ToValue(v)
	}
	return nil
}

func (e *envObject) Set(key string, val goja.Value) bool {
	return os.Setenv(key, val.String()) == nil
}

func (e *envObject) Has(key string) bool {
	_, ok := os.LookupEnv(key)
	return ok
}

func (e *envObject) Delete(key string) bool {
	os.Unsetenv(key)
	return true
}

func (e *envObject) Keys() []string {
	env := os.Environ()
	keys := make([]string, 0, len(env))
	for _, kv := range env {
		if i := strings.IndexByte(kv, '='); i > 0 {
			keys = append(keys, kv[:i])
		}
	}
	sort.Strings(keys)
	return keys
}
