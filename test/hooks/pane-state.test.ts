import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	countEntries,
	initialPaneState,
	paneReducer,
	sortEntries,
	visibleRows,
	type PaneState,
} from '../../source/hooks/pane-state.js';
import type {PaneEntry} from '../../source/services/panes/pane-fs.js';

const file = (name: string, size = 1): PaneEntry => ({id: `f:${name}`, name, kind: 'file', size});
const folder = (name: string): PaneEntry => ({id: `d:${name}`, name, kind: 'folder'});
const loc = (id: string) => ({id, path: id});

function listed(entries: PaneEntry[], viewport = 5): PaneState {
	let s = paneReducer({...initialPaneState, viewport}, {type: 'navigate', location: loc('/a')});
	s = paneReducer(s, {type: 'listed', location: loc('/a'), entries});
	return s;
}

test('folders first, natural name order', () => {
	const sorted = sortEntries([file('b10'), folder('zeta'), file('b2'), folder('Alpha'), file('a')]);
	assert.deepEqual(
		sorted.map((e) => e.name),
		['Alpha', 'zeta', 'a', 'b2', 'b10'],
	);
});

test('cursor moves and stays in range; the window follows it', () => {
	const many = Array.from({length: 20}, (_, i) => file(`f${i}`));
	let s = listed(many, 5);
	assert.equal(s.cursor, 0);
	s = paneReducer(s, {type: 'move', delta: -1});
	assert.equal(s.cursor, 0);
	for (let i = 0; i < 6; i++) s = paneReducer(s, {type: 'move', delta: 1});
	assert.equal(s.cursor, 6);
	assert.equal(s.scrollTop, 2);
	assert.deepEqual(
		visibleRows(s).map((r) => r.index),
		[2, 3, 4, 5, 6],
	);
	s = paneReducer(s, {type: 'jump', to: 'end'});
	assert.equal(s.cursor, 19);
	assert.equal(s.scrollTop, 15);
	s = paneReducer(s, {type: 'page', direction: -1});
	assert.equal(s.cursor, 15);
	assert.equal(s.scrollTop, 15);
	s = paneReducer(s, {type: 'page', direction: -1});
	assert.equal(s.cursor, 11);
	assert.equal(s.scrollTop, 11);
	s = paneReducer(s, {type: 'jump', to: 'start'});
	assert.equal(s.cursor, 0);
	assert.equal(s.scrollTop, 0);
});

test('only viewport rows are visible in a 10,000 entry folder', () => {
	const many = Array.from({length: 10_000}, (_, i) => file(`f${i}`));
	let s = listed(many, 30);
	s = paneReducer(s, {type: 'move', delta: 5000});
	const rows = visibleRows(s);
	assert.equal(rows.length, 30);
	assert.ok(rows.some((r) => r.index === 5000));
});

test('going to the parent puts the cursor on the folder we came from', () => {
	const entries = [folder('a'), folder('b'), folder('c'), file('x')];
	let s = paneReducer(initialPaneState, {
		type: 'navigate',
		location: loc('/'),
		select: {id: 'd:c'},
	});
	assert.deepEqual(s.loading, {count: 0});
	s = paneReducer(s, {type: 'listed', location: loc('/'), entries});
	assert.equal(s.entries[s.cursor].name, 'c');
	assert.equal(s.loading, undefined);
});

test('cached entries show at once and the cursor keeps its entry on refresh', () => {
	const entries = [file('a'), file('b'), file('c')];
	let s = listed(entries);
	s = paneReducer(s, {type: 'move', delta: 1});
	s = paneReducer(s, {type: 'navigate', location: loc('/a'), cached: entries});
	assert.equal(s.entries.length, 3);
	assert.equal(s.entries[s.cursor].name, 'b');
	s = paneReducer(s, {type: 'listed', location: loc('/a'), entries: [file('0'), ...entries]});
	assert.equal(s.entries[s.cursor].name, 'b');
});

test('progress, cancel, failure and stale listings', () => {
	let s = paneReducer(initialPaneState, {type: 'navigate', location: loc('/big')});
	s = paneReducer(s, {type: 'progress', count: 1240});
	assert.deepEqual(s.loading, {count: 1240});
	const stale = paneReducer(s, {type: 'listed', location: loc('/other'), entries: [file('x')]});
	assert.equal(stale.entries.length, 0);
	const cancelled = paneReducer(s, {type: 'cancelled'});
	assert.equal(cancelled.loading, undefined);
	assert.match(cancelled.message ?? '', /cancelled/);
	const failed = paneReducer(s, {type: 'failed', message: 'Permission denied'});
	assert.equal(failed.message, 'Permission denied');
});

test('counts', () => {
	assert.deepEqual(countEntries([folder('a'), file('b', 10), file('c', 5)]), {
		folders: 1,
		files: 2,
		bytes: 15,
	});
});
