package main

import (
	"encoding/json"
	"expvar"
	"log"
	"net/http"
	"os"
	"time"
)

type status struct {
	Service string    `json:"service"`
	Version string    `json:"version"`
	Started time.Time `json:"started"`
	Uptime  string    `json:"uptime"`
}

type server struct {
	version string
	started time.Time
	logger  *log.Logger
}

func newServer(version string) *server {
	return &server{
		version: version,
		started: time.Now(),
		logger:  log.New(os.Stderr, "statusd ", log.LstdFlags|log.Lmsgprefix),
	}
}

func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /status", s.handleStatus)
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /version", s.handleVersion)
	mux.Handle("GET /debug/vars", expvar.Handler())
	return mux
}

func (s *server) handleStatus(w http.ResponseWriter, r *http.Request) {
	body := status{
		Service: "statusd",
		Version: s.version,
		Started: s.started.UTC(),
		Uptime:  time.Since(s.started).Round(time.Second).String(),
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(body); err != nil {
		s.logger.Printf("writing status: %v", err)
	}
}

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	addr := os.Getenv("STATUSD_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	s := newServer(os.Getenv("STATUSD_VERSION"))
	srv := &http.Server{
		Addr:              addr,
		Handler:           s.logRequests(s.routes()),
		ReadHeaderTimeout: 5 * time.Second,
	}
	s.logger.Printf("listening on %s", addr)
	if err := srv.ListenAndServe(); err != nil {
		s.logger.Fatal(err)
	}
}

func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		s.logger.Printf("%s %s %s", r.Method, r.URL.Path, time.Since(start))
	})
}

func (s *server) handleVersion(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.version == "" {
		http.Error(w, "version unknown", http.StatusNotFound)
		return
	}
	w.Write([]byte(s.version + "\n"))
}
