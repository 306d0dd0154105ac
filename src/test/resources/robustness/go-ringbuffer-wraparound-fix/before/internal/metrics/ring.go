// Package metrics keeps short in-memory histories of numeric samples.
package metrics

import (
	"errors"
	"sync"
)

// ErrEmpty is returned by statistics over a ring that holds no samples.
var ErrEmpty = errors.New("metrics: ring is empty")

// Ring holds the last N samples; adding to a full ring overwrites the oldest.
type Ring struct {
	mu    sync.Mutex
	data  []float64
	start int
	count int
}

// NewRing returns a ring that keeps the last capacity samples.
func NewRing(capacity int) *Ring {
	if capacity <= 0 {
		panic("metrics: ring capacity must be positive")
	}
	return &Ring{data: make([]float64, capacity)}
}

// Add stores a sample, dropping the oldest one when the ring is full.
func (r *Ring) Add(v float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	end := r.start + r.count
	r.data[end] = v
	if r.count < len(r.data) {
		r.count++
	} else {
		r.start = (r.start + 1) % len(r.data)
	}
}

// Len reports how many samples are stored.
func (r *Ring) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.count
}

// Values returns the samples from oldest to newest.
func (r *Ring) Values() []float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]float64, r.count)
	for i := 0; i < r.count; i++ {
		out[i] = r.data[r.start+i]
	}
	return out
}

// Mean returns the average of the stored samples.
func (r *Ring) Mean() (float64, error) {
	values := r.Values()
	if len(values) == 0 {
		return 0, ErrEmpty
	}
	sum := 0.0
	for _, v := range values {
		sum += v
	}
	return sum / float64(len(values)), nil
}

// Max returns the largest stored sample.
func (r *Ring) Max() (float64, error) {
	values := r.Values()
	if len(values) == 0 {
		return 0, ErrEmpty
	}
	max := values[0]
	for _, v := range values[1:] {
		if v > max {
			max = v
		}
	}
	return max, nil
}
