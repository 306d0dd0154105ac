export type TodoId = string;

export interface Todo {
  id: TodoId;
  title: string;
  done: boolean;
  createdAt: Date;
}

export type Filter = 'all' | 'active' | 'done';

export interface TodoState {
  todos: Todo[];
  filter: Filter;
  editingId: TodoId | null;
}

export type Action =
  | { type: 'add'; title: string; now: Date }
  | { type: 'toggle'; id: TodoId }
  | { type: 'rename'; id: TodoId; title: string }
  | { type: 'remove'; id: TodoId }
  | { type: 'clearDone' }
  | { type: 'setFilter'; filter: Filter }
  | { type: 'startEditing'; id: TodoId }
  | { type: 'stopEditing' };

export const initialState: TodoState = {
  todos: [],
  filter: 'all',
  editingId: null,
};

export function isAction(value: unknown): value is Action {
  return typeof value === 'object' && value !== null && 'type' in value;
}

export const FILTER_LABELS: Record<Filter, string> = {
  all: 'All',
  active: 'Active',
  done: 'Completed',
};
