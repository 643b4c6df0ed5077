// This file is the client: it classifies Acme Pay's answers with the
// application's catalog, and resends through apierr.Transport what that
// catalog calls transient.

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/apierr/apierr"
)

// run pays once by hand, to show what each catalog makes of the answer,
// then pays, pays too much and looks payments up through a Transport that
// knows Acme Pay's codes. It waits with sleep (nil: a real timer).
func run(out io.Writer, cat *apierr.Catalog, base string,
	sleep func(context.Context, time.Duration) error) error {
	fmt.Fprintln(out, "POST /payments of 50, once, with a plain http.Client:")
	resp, err := http.Post(base+"/payments", "application/json", strings.NewReader(`{"amount":50}`))
	if err != nil {
		return err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, apierr.MaxErrorBody))
	resp.Body.Close()
	if err != nil {
		return err
	}
	// The same answer, classified by each catalog.
	for _, c := range []struct {
		name string
		cat  *apierr.Catalog
	}{{"apierr.FromResponse", apierr.Documented()}, {"cat.FromResponse", cat}} {
		resp.Body = io.NopCloser(bytes.NewReader(body))
		fmt.Fprintf(out, "  %-20s %s\n", c.name+":", describe(c.cat, resp))
	}

	// Acme Pay's backoff is scaled down 100 times so that the demo ends at
	// once; a real client keeps the documented schedule, apierr.Policy{}.
	client := &http.Client{Transport: &apierr.Transport{
		Catalog:         cat,
		Policy:          apierr.Policy{Base: 30 * time.Millisecond, MaxWait: 480 * time.Millisecond},
		IdempotencyKeys: true, // a POST is resent only with a key
		Sleep:           sleep,
		OnRetry: func(ev apierr.RetryEvent) {
			if !ev.Reason.GiveUp() {
				fmt.Fprintf(out, "  attempt %d: %d %s, resending after %v\n",
					ev.Attempt, ev.Status, ev.Code, ev.Wait)
			}
		},
	}}
	for _, call := range []struct{ method, path, body string }{
		{"POST", "/payments", `{"amount":50}`},
		{"POST", "/payments", `{"amount":5000}`},
		{"GET", "/payments/pay-1", ""},
		{"GET", "/payments/pay-9", ""},
	} {
		fmt.Fprintf(out, "%s through apierr.Transport{Catalog: cat}:\n",
			strings.TrimSpace(call.method+" "+call.path+" "+call.body))
		if err := send(out, client, cat, call.method, base+call.path, call.body); err != nil {
			return err
		}
	}
	return nil
}

// send makes one call and says how it ended.
func send(out io.Writer, client *http.Client, cat *apierr.Catalog, method, url, body string) error {
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		fmt.Fprintf(out, "  attempt %d: %s\n", apierr.Attempts(resp), describe(cat, resp))
		return nil
	}
	got, err := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	fmt.Fprintf(out, "  attempt %d: %d %s\n", apierr.Attempts(resp), resp.StatusCode,
		bytes.TrimSpace(got))
	return err
}

// describe is what cat makes of an error response: its status, code and
// retry class, and the catalog's summary of the code when it knows it.
func describe(cat *apierr.Catalog, resp *http.Response) string {
	var e *apierr.Error
	if !errors.As(cat.FromResponse(resp), &e) {
		return fmt.Sprintf("%d, not an error", resp.StatusCode)
	}
	entry, known := cat.Lookup(e.Code)
	if !known {
		return fmt.Sprintf("%d %s, %s: not in this catalog, so the status decides",
			e.Status, e.Code, e.Retry)
	}
	return fmt.Sprintf("%d %s, %s: %s", e.Status, e.Code, e.Retry, entry.Summary)
}
