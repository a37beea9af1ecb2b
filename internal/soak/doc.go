// Package soak holds the soak test of earlynode (soak_test.go): every kind of server, run by
// the built node binary, is fed bad input and slow peers while a well-behaved client is served
// beside them; the test asserts that the process stays alive, the good client is answered
// throughout, memory stays under a bound and returns near its baseline, and descriptors return
// to theirs. It runs only with EARLYNODE_SOAK=1 (scripts/test sets it); docs/reliability.md
// gives its figures.
package soak
