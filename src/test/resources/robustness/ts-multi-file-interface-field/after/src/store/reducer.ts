import { Action, Todo, TodoState, initialState } from './types';

let counter = 0;

function newId(now: Date): string {
  counter += 1;
  return `${now.getTime().toString(36)}-${counter}`;
}

function updateTodo(todos: Todo[], id: string, change: (todo: Todo) => Todo): Todo[] {
  return todos.map((todo) => (todo.id === id ? change(todo) : todo));
}

export function reducer(state: TodoState = initialState, action: Action): TodoState {
  switch (action.type) {
    case 'add': {
      const title = action.title.trim();
      if (title === '') {
        return state;
      }
      const todo: Todo = {
        id: newId(action.now),
        title,
        done: false,
        createdAt: action.now,
        dueDate: null,
      };
      return { ...state, todos: [...state.todos, todo] };
    }
    case 'toggle':
      return { ...state, todos: updateTodo(state.todos, action.id, (t) => ({ ...t, done: !t.done })) };
    case 'rename': {
      const title = action.title.trim();
      if (title === '') {
        return { ...state, todos: state.todos.filter((t) => t.id !== action.id), editingId: null };
      }
      return {
        ...state,
        todos: updateTodo(state.todos, action.id, (t) => ({ ...t, title })),
        editingId: null,
      };
    }
    case 'setDueDate':
      return {
        ...state,
        todos: updateTodo(state.todos, action.id, (t) => ({ ...t, dueDate: action.dueDate })),
      };
    case 'remove':
      return { ...state, todos: state.todos.filter((t) => t.id !== action.id) };
    case 'clearDone':
      return { ...state, todos: state.todos.filter((t) => !t.done) };
    case 'setFilter':
      return { ...state, filter: action.filter };
    case 'startEditing':
      return { ...state, editingId: action.id };
    case 'stopEditing':
      return { ...state, editingId: null };
    default:
      return state;
  }
}

export function visibleTodos(state: TodoState): Todo[] {
  switch (state.filter) {
    case 'active':
      return state.todos.filter((t) => !t.done);
    case 'done':
      return state.todos.filter((t) => t.done);
    default:
      return state.todos;
  }
}

export function remainingCount(state: TodoState): number {
  return state.todos.filter((t) => !t.done).length;
}

export function overdueTodos(state: TodoState, now: Date): Todo[] {
  return state.todos.filter((t) => !t.done && t.dueDate !== null && t.dueDate < now);
}
