// Package kv is an append-only key-value store: every write is a record appended to a log
// file, and an in-memory index maps each key to the offset of its latest record.
package kv

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sort"
	"sync"
)

// ErrNotFound is returned by Get for keys that were never written or were deleted.
var ErrNotFound = errors.New("kv: key not found")

// ErrCorrupt is returned when a record's checksum does not match its contents.
var ErrCorrupt = errors.New("kv: corrupt record")

const headerSize = 4 + 4 + 4 // crc, key length, value length

// tombstone marks a deleted key; real values can never have this length.
const tombstone = ^uint32(0)

// Store is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	file   *os.File
	index  map[string]int64
	offset int64
}

// Open opens or creates the log at path and rebuilds the index by scanning it.
func Open(path string) (*Store, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("kv: opening %s: %w", path, err)
	}
	s := &Store{file: f, index: make(map[string]int64)}
	if err := s.rebuild(); err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) rebuild() error {
	r := bufio.NewReader(s.file)
	var offset int64
	for {
		key, value, size, err := readRecord(r)
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			// A crash in the middle of an append leaves a torn last record: drop it.
			if terr := s.file.Truncate(offset); terr != nil {
				return fmt.Errorf("kv: truncating torn record at offset %d: %w", offset, terr)
			}
			break
		}
		if err != nil {
			return fmt.Errorf("kv: record at offset %d: %w", offset, err)
		}
		if value == nil {
			delete(s.index, key)
		} else {
			s.index[key] = offset
		}
		offset += size
	}
	s.offset = offset
	return nil
}

// Put stores value under key.
func (s *Store) Put(key string, value []byte) error {
	if value == nil {
		value = []byte{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	size, err := s.append(key, value, uint32(len(value)))
	if err != nil {
		return err
	}
	s.index[key] = s.offset
	s.offset += size
	return nil
}

// Delete removes key; deleting a missing key is not an error.
func (s *Store) Delete(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.index[key]; !ok {
		return nil
	}
	size, err := s.append(key, nil, tombstone)
	if err != nil {
		return err
	}
	delete(s.index, key)
	s.offset += size
	return nil
}

// Get returns the latest value of key.
func (s *Store) Get(key string) ([]byte, error) {
	s.mu.RLock()
	offset, ok := s.index[key]
	s.mu.RUnlock()
	if !ok {
		return nil, ErrNotFound
	}
	section := io.NewSectionReader(s.file, offset, 1<<31)
	_, value, _, err := readRecord(bufio.NewReader(section))
	if err != nil {
		return nil, fmt.Errorf("kv: reading %q: %w", key, err)
	}
	return value, nil
}

// Keys returns every live key, sorted.
func (s *Store) Keys() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	keys := make([]string, 0, len(s.index))
	for k := range s.index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Len reports the number of live keys.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.index)
}

// Close flushes and closes the log file.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.file.Sync(); err != nil {
		s.file.Close()
		return fmt.Errorf("kv: syncing log: %w", err)
	}
	return s.file.Close()
}

func (s *Store) append(key string, value []byte, valueLen uint32) (int64, error) {
	buf := make([]byte, headerSize+len(key)+len(value))
	binary.LittleEndian.PutUint32(buf[4:8], uint32(len(key)))
	binary.LittleEndian.PutUint32(buf[8:12], valueLen)
	copy(buf[headerSize:], key)
	copy(buf[headerSize+len(key):], value)
	binary.LittleEndian.PutUint32(buf[0:4], crc32.ChecksumIEEE(buf[4:]))
	if _, err := s.file.WriteAt(buf, s.offset); err != nil {
		return 0, fmt.Errorf("kv: writing %q: %w", key, err)
	}
	return int64(len(buf)), nil
}

func readRecord(r *bufio.Reader) (key string, value []byte, size int64, err error) {
	header := make([]byte, headerSize)
	if _, err := io.ReadFull(r, header); err != nil {
		return "", nil, 0, err
	}
	sum := binary.LittleEndian.Uint32(header[0:4])
	keyLen := binary.LittleEndian.Uint32(header[4:8])
	valueLen := binary.LittleEndian.Uint32(header[8:12])
	bodyLen := keyLen
	if valueLen != tombstone {
		bodyLen += valueLen
	}
	body := make([]byte, bodyLen)
	if _, err := io.ReadFull(r, body); err != nil {
		return "", nil, 0, err
	}
	crc := crc32.NewIEEE()
	crc.Write(header[4:])
	crc.Write(body)
	if crc.Sum32() != sum {
		return "", nil, 0, ErrCorrupt
	}
	key = string(body[:keyLen])
	if valueLen != tombstone {
		value = body[keyLen:]
	}
	return key, value, int64(headerSize) + int64(bodyLen), nil
}
