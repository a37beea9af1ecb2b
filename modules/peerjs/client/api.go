package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// maxAPIBody bounds what the id and peers endpoints may answer.
const maxAPIBody = 1 << 20

// apiURL returns the URL of an HTTP endpoint of the server ("id" or
// "peers"), with PeerJS's ts and version parameters.
func apiURL(o Options, method string) string {
	scheme := "http"
	if o.Secure {
		scheme = "https"
	}
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10) + strconv.FormatFloat(rand.Float64(), 'f', -1, 64)
	q := url.Values{"ts": {ts}, "version": {ClientVersion}}
	return scheme + "://" + net.JoinHostPort(o.Host, strconv.Itoa(o.Port)) + o.Path + url.PathEscape(o.Key) + "/" + method + "?" + q.Encode()
}

// apiGet fetches an endpoint and returns its body, failing on any status
// but 200.
func apiGet(ctx context.Context, o Options, method string) ([]byte, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiURL(o, method), nil)
	if err != nil {
		return nil, 0, err
	}
	resp, err := o.HTTPClient.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAPIBody))
	if err != nil {
		return nil, resp.StatusCode, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, resp.StatusCode, fmt.Errorf("Error. Status:%d", resp.StatusCode)
	}
	return body, resp.StatusCode, nil
}

// retrieveID asks the server for a fresh id.
func retrieveID(ctx context.Context, o Options) (string, *Error) {
	body, _, err := apiGet(ctx, o, "id")
	if err == nil && len(body) == 0 {
		err = fmt.Errorf("empty id from %s", apiURL(o, "id"))
	}
	if err != nil {
		msg := "Could not get an ID from the server."
		if o.Path == "/" && o.Host != CloudHost {
			msg += " If you passed in a `path` to your self-hosted PeerServer, you'll also need to pass in that same path when creating a new Peer."
		}
		return "", newError(ErrServerError, err, "%s", msg)
	}
	return string(body), nil
}

// listPeers fetches the ids connected to the server (allow_discovery).
func listPeers(ctx context.Context, o Options) ([]string, *Error) {
	body, status, err := apiGet(ctx, o, "peers")
	if err != nil {
		if status == http.StatusUnauthorized {
			return nil, newError(ErrServerError, nil, "It doesn't look like you have permission to list peers IDs. You need to enable `allow_discovery` on your self-hosted PeerServer to use this feature.")
		}
		return nil, newError(ErrServerError, err, "Could not get list peers from the server.")
	}
	var ids []string
	if err := json.Unmarshal(body, &ids); err != nil {
		return nil, newError(ErrServerError, err, "Could not get list peers from the server.")
	}
	return ids, nil
}
