//go:build !portable

package netpoll

// portableIO says which implementation this build has: epoll, on the loop goroutine.
const portableIO = false
