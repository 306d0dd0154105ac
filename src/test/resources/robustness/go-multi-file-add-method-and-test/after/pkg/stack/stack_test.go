package stack

import "testing"

func TestPushPop(t *testing.T) {
	s := New[int]()
	s.Push(1)
	s.Push(2)
	if got, ok := s.Pop(); !ok || got != 2 {
		t.Fatalf("Pop() = %v, %v; want 2, true", got, ok)
	}
	if got, ok := s.Pop(); !ok || got != 1 {
		t.Fatalf("Pop() = %v, %v; want 1, true", got, ok)
	}
}

func TestPopEmpty(t *testing.T) {
	var s Stack[string]
	if got, ok := s.Pop(); ok || got != "" {
		t.Fatalf("Pop() on empty = %q, %v; want \"\", false", got, ok)
	}
}

func TestPeekLeavesTopInPlace(t *testing.T) {
	s := New(1, 2)
	if got, ok := s.Peek(); !ok || got != 2 {
		t.Fatalf("Peek() = %v, %v; want 2, true", got, ok)
	}
	if s.Len() != 2 {
		t.Fatalf("Len() after Peek = %d; want 2", s.Len())
	}
}

func TestPeekEmpty(t *testing.T) {
	var s Stack[int]
	if _, ok := s.Peek(); ok {
		t.Fatal("Peek() on empty stack reported ok")
	}
}

func TestNewKeepsOrder(t *testing.T) {
	s := New("a", "b", "c")
	if s.Len() != 3 {
		t.Fatalf("Len() = %d; want 3", s.Len())
	}
	if got := s.String(); got != "[a b c>" {
		t.Fatalf("String() = %q", got)
	}
}

func TestClear(t *testing.T) {
	s := New(1, 2, 3)
	s.Clear()
	if s.Len() != 0 {
		t.Fatalf("Len() after Clear = %d; want 0", s.Len())
	}
}
