package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Item is one entry of the product catalog.
type Item struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	PriceCts int64    `json:"price_cents"`
	Tags     []string `json:"tags"`
}

// LoadFile reads a JSON array of items from path.
func LoadFile(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items, err := Decode(f)
	if err != nil {
		return nil, err
	}
	return items, nil
}

// Decode reads a JSON array of items and validates each one.
func Decode(r io.Reader) ([]Item, error) {
	var items []Item
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&items); err != nil {
		return nil, err
	}
	for i, it := range items {
		if err := validate(it); err != nil {
			return nil, errors.New(fmt.Sprintf("item %d: %v", i, err))
		}
	}
	return items, nil
}

// LoadDir merges every *.json file in dir, sorted by item ID; duplicate IDs are an error.
func LoadDir(dir string) ([]Item, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	seen := map[string]string{}
	var all []Item
	for _, p := range paths {
		items, err := LoadFile(p)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if first, dup := seen[it.ID]; dup {
				return nil, errors.New(fmt.Sprintf("duplicate id %q in %s (first in %s)", it.ID, p, first))
			}
			seen[it.ID] = p
			all = append(all, it)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all, nil
}

func validate(it Item) error {
	if strings.TrimSpace(it.ID) == "" {
		return errors.New("id is empty")
	}
	if it.PriceCts < 0 {
		return errors.New(fmt.Sprintf("price %d is negative", it.PriceCts))
	}
	for _, tag := range it.Tags {
		if tag != strings.ToLower(tag) {
			return errors.New(fmt.Sprintf("tag %q must be lower case", tag))
		}
	}
	return nil
}
