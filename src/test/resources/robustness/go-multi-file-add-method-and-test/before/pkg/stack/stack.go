// Package stack provides a generic LIFO stack.
package stack

import "fmt"

// Stack is a last-in, first-out collection. The zero value is an empty stack ready to use.
type Stack[T any] struct {
	items []T
}

// New returns a stack holding items, the last one on top.
func New[T any](items ...T) *Stack[T] {
	s := &Stack[T]{}
	s.items = append(s.items, items...)
	return s
}

// Push puts v on top.
func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
}

// Pop removes and returns the top element; ok is false when the stack is empty.
func (s *Stack[T]) Pop() (v T, ok bool) {
	if len(s.items) == 0 {
		return v, false
	}
	last := len(s.items) - 1
	v = s.items[last]
	var zero T
	s.items[last] = zero
	s.items = s.items[:last]
	return v, true
}

// Len reports the number of elements.
func (s *Stack[T]) Len() int {
	return len(s.items)
}

// Clear removes every element.
func (s *Stack[T]) Clear() {
	clear(s.items)
	s.items = s.items[:0]
}

// String renders the stack bottom to top, e.g. "[1 2 3>".
func (s *Stack[T]) String() string {
	out := "["
	for i, v := range s.items {
		if i > 0 {
			out += " "
		}
		out += fmt.Sprint(v)
	}
	return out + ">"
}
