package nodecodec

import (
	"encoding/base64"
	"runtime"
	"sync"
)

// parallelMin is the size from which base64 work is split between the machine's cores.
const parallelMin = 4 << 20

// parts splits n units into one piece per core (at most), each a multiple of unit long but
// the last; f(from, to) runs on each piece concurrently.
func parts(n, unit int, f func(from, to int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || n < parallelMin {
		f(0, n)
		return
	}
	step := (n/workers + unit - 1) / unit * unit
	var wg sync.WaitGroup
	for from := 0; from < n; from += step {
		to := min(from+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(from, to)
		}()
	}
	wg.Wait()
}

// encodeParallel is enc.Encode(dst, src) split between cores on 3-byte boundaries.
func encodeParallel(enc *base64.Encoding, dst, src []byte) {
	parts(len(src), 3*1024, func(from, to int) {
		at := from / 3 * 4
		enc.Encode(dst[at:min(len(dst), at+enc.EncodedLen(to-from))], src[from:to])
	})
}

// decodeParallel is enc.Decode(dst, src) split between cores on 4-character boundaries; ok is
// false when any piece is not strict base64.
func decodeParallel(enc *base64.Encoding, dst, src []byte) (n int, ok bool) {
	var mu sync.Mutex
	ok = true
	total := 0
	parts(len(src), 4*1024, func(from, to int) {
		e := enc
		if to < len(src) {
			e = base64.StdEncoding.WithPadding(base64.NoPadding)
			if enc == base64.URLEncoding || enc == base64.RawURLEncoding {
				e = base64.RawURLEncoding
			}
		}
		// Each piece gets only its own part of dst: Go's decoder stores 8 bytes at a time
		// and would run into the next piece's part.
		at := from / 4 * 3
		m, err := e.Decode(dst[at:min(len(dst), at+e.DecodedLen(to-from))], src[from:to])
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			ok = false
		}
		total += m
	})
	return total, ok
}
