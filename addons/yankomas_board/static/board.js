/* The complaint board: kanban and pivot over /<database>/yankomas/board/*.
 * Plain JavaScript, no build step. Every word comes from the server in the
 * user's language; every move is a button pressed by the server. */
(function () {
    'use strict';

    var BASE = window.location.pathname.replace(/\/+$/, '');
    var DATABASE = decodeURIComponent(BASE.split('/')[1]);
    var setup = null;           // words, columns, moves, buttons, choices
    var board = null;           // the last data answered
    var loaded = {};            // state -> cards shown
    var busy = 0;               // moves in flight: no refresh meanwhile
    var dragged = null;
    var timer = null;
    var expanded = {};          // collapsed columns opened by the user

    function $(selector, root) {
        return (root || document).querySelector(selector);
    }

    function el(tag, attributes, children) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            var value = attributes[name];
            if (value === null || value === undefined || value === false) {
                return;
            }
            if (name === 'text') {
                node.textContent = value;
            } else if (name.slice(0, 2) === 'on') {
                node.addEventListener(name.slice(2), value);
            } else {
                node.setAttribute(name, value === true ? '' : value);
            }
        });
        (children || []).forEach(function (child) {
            if (child) {
                node.appendChild(typeof child === 'string' ?
                    document.createTextNode(child) : child);
            }
        });
        return node;
    }

    function msg(name, values) {
        var text = (setup && setup.messages[name]) || name;
        return text.replace(/%\((\w+)\)s/g, function (_, key) {
            return values && key in values ? values[key] : '';
        });
    }

    function duration(minutes) {
        var m = Math.abs(minutes);
        var hours = Math.floor(m / 60);
        var rest = m % 60;
        return hours + ':' + (rest < 10 ? '0' : '') + rest;
    }

    function age(minutes) {
        if (minutes < 60) {
            return msg('age_minutes', {n: Math.max(minutes, 0)});
        }
        if (minutes < 48 * 60) {
            return msg('age_hours', {n: Math.floor(minutes / 60)});
        }
        return msg('age_days', {n: Math.floor(minutes / (24 * 60))});
    }

    function status(text, error) {
        var node = $('#status');
        node.textContent = text || '';
        node.classList.toggle('error', Boolean(error));
    }

    // -- the server --------------------------------------------------------

    function query(params) {
        var search = new URLSearchParams();
        Object.keys(params || {}).forEach(function (key) {
            if (params[key] !== '' && params[key] !== null &&
                    params[key] !== undefined) {
                search.set(key, params[key]);
            }
        });
        var text = search.toString();
        return text ? '?' + text : '';
    }

    function request(path, params, body) {
        var options = {
            credentials: 'same-origin',
            headers: {
                'Accept': 'application/json',
                'X-Requested-With': 'XMLHttpRequest',
            },
        };
        if (body) {
            options.method = 'POST';
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        return fetch(BASE + path + query(params), options).then(
            function (response) {
                if (response.status === 401) {
                    // The session ended: the page signs in again and comes
                    // back here, filters kept in the address.
                    window.location.reload();
                    throw {message: msg('error')};
                }
                return response.json().catch(function () {
                    throw {message: msg('error') + ' (' + response.status + ')'};
                }).then(function (data) {
                    if (!response.ok) {
                        throw data;
                    }
                    return data;
                });
            }, function () {
                throw {message: msg('error')};
            });
    }

    function filters() {
        var form = $('#filters');
        return {
            category: form.category.value,
            channel: form.channel.value,
            officer: form.officer.value,
            overdue: form.overdue.checked ? '1' : '',
        };
    }

    // -- start -------------------------------------------------------------

    function start() {
        request('/setup').then(function (data) {
            setup = data;
            document.documentElement.lang = data.language.split('_')[0];
            document.title = msg('title');
            $('#title').textContent = msg('title');
            $('#user').textContent = data.user;
            Array.prototype.forEach.call(
                document.querySelectorAll('[data-msg]'), function (node) {
                    node.textContent = msg(node.getAttribute('data-msg'));
                });
            fillFilters();
            fillPivotForm();
            bindTabs();
            $('#refresh').addEventListener('click', function () {
                load();
            });
            $('#filters').addEventListener('change', function () {
                keepInAddress();
                load();
                if (!$('#pivot').hidden) {
                    loadPivot();
                }
            });
            bindDialogs();
            load();
            timer = window.setInterval(function () {
                if (!busy && !dragged && !document.querySelector(
                        'dialog[open]')) {
                    load(true);
                    if (!$('#pivot').hidden) {
                        loadPivot();
                    }
                }
            }, data.refresh * 1000);
        }, function (error) {
            status(error.message, true);
        });
    }

    function options(select, choices, all) {
        select.textContent = '';
        if (all) {
            select.appendChild(el('option', {value: '', text: msg('all')}));
        }
        choices.forEach(function (choice) {
            select.appendChild(el('option', {
                value: choice.id, text: choice.name}));
        });
    }

    function fillFilters() {
        var form = $('#filters');
        var params = new URLSearchParams(window.location.search);
        options(form.category, setup.categories, true);
        options(form.channel, setup.channels, true);
        options(form.officer, setup.officers, true);
        ['category', 'channel', 'officer'].forEach(function (name) {
            if (params.get(name)) {
                form[name].value = params.get(name);
            }
        });
        form.overdue.checked = Boolean(params.get('overdue'));
        if (params.get('view') === 'pivot') {
            window.setTimeout(function () {
                selectTab($('#tab-pivot'));
            });
        }
    }

    function keepInAddress() {
        var params = filters();
        if (!$('#pivot').hidden) {
            params.view = 'pivot';
        }
        window.history.replaceState(null, '', BASE + query(params));
    }

    // -- tabs --------------------------------------------------------------

    function bindTabs() {
        var tabs = document.querySelectorAll('[role=tab]');
        Array.prototype.forEach.call(tabs, function (tab, index) {
            tab.addEventListener('click', function () {
                selectTab(tab);
            });
            tab.addEventListener('keydown', function (event) {
                var step = {ArrowRight: 1, ArrowLeft: -1}[event.key];
                if (step) {
                    var next = tabs[(index + step + tabs.length) % tabs.length];
                    selectTab(next);
                    next.focus();
                    event.preventDefault();
                }
            });
        });
    }

    function selectTab(tab) {
        Array.prototype.forEach.call(
            document.querySelectorAll('[role=tab]'), function (other) {
                var selected = other === tab;
                other.setAttribute('aria-selected', String(selected));
                other.tabIndex = selected ? 0 : -1;
                $('#' + other.getAttribute('aria-controls')).hidden = !selected;
            });
        keepInAddress();
        if (tab.id === 'tab-pivot') {
            loadPivot();
        }
    }

    // -- kanban ------------------------------------------------------------

    function label(state) {
        for (var i = 0; i < setup.columns.length; i++) {
            if (setup.columns[i].state === state) {
                return setup.columns[i].label;
            }
        }
        return state;
    }

    function moveOf(source, target) {
        for (var i = 0; i < setup.moves.length; i++) {
            var move = setup.moves[i];
            if (move.source === source && move.target === target) {
                return setup.buttons[move.button] &&
                    Object.assign({name: move.button},
                        setup.buttons[move.button]);
            }
        }
        return null;
    }

    function load(quiet) {
        if (!quiet) {
            status(msg('loading'));
        }
        return request('/data', filters()).then(function (data) {
            board = data;
            loaded = {};
            renderBoard();
            var now = new Date();
            $('#updated').textContent = msg('updated', {
                time: now.toLocaleTimeString(document.documentElement.lang,
                    {hour: '2-digit', minute: '2-digit', second: '2-digit'}),
            });
            if (!quiet) {
                status('');
            }
        }, function (error) {
            status(error.message, true);
        });
    }

    function renderBoard() {
        var focused = document.activeElement &&
            document.activeElement.getAttribute('data-id');
        var container = $('#kanban');
        container.textContent = '';
        // The closed columns not opened share one narrow pile, so that
        // every step and every outcome fit a laptop's width.
        var pile = el('div', {'class': 'pile'});
        board.columns.forEach(function (column) {
            var info = setup.columns.filter(function (c) {
                return c.state === column.state;
            })[0];
            loaded[column.state] = column.cards.slice();
            var section = renderColumn(column, info);
            if (info.collapsed && !expanded[column.state]) {
                if (!pile.parentNode) {
                    container.appendChild(pile);
                }
                pile.appendChild(section);
            } else {
                container.appendChild(section);
            }
        });
        if (focused) {
            var card = container.querySelector(
                '.card[data-id="' + focused + '"]');
            if (card) {
                card.focus();
            }
        }
    }

    function renderColumn(column, info) {
        var open = !info.collapsed || expanded[column.state];
        var id = 'column-' + column.state;
        var header = el('header', {}, [
            el('h2', {id: id + '-title'}, [
                el('span', {'class': 'name', text: info.label}),
                el('span', {'class': 'count', text: String(column.count)}),
                column.overdue ? el('span', {
                    'class': 'count late',
                    title: msg('filter_overdue'),
                    text: '⚠ ' + column.overdue}) : null,
            ]),
            info.collapsed ? el('button', {
                type: 'button',
                'class': 'toggle',
                'aria-expanded': String(open),
                'aria-controls': id + '-cards',
                text: open ? msg('collapse') : msg('expand'),
                onclick: function () {
                    expanded[column.state] = !open;
                    renderBoard();
                },
            }) : null,
        ]);
        var list = el('ol', {
            'class': 'cards',
            id: id + '-cards',
            'aria-labelledby': id + '-title',
            hidden: !open,
        });
        column.cards.forEach(function (card) {
            list.appendChild(renderCard(card));
        });
        if (!column.cards.length && open) {
            list.appendChild(el('li', {'class': 'empty', text: msg('empty')}));
        }
        var section = el('section', {
            'class': 'column' + (info.collapsed ? ' collapsed' : '') +
                (open ? ' open' : ''),
            'data-state': column.state,
            'aria-labelledby': id + '-title',
        }, [header, list]);
        var rest = column.count - column.cards.length;
        if (open && rest > 0) {
            section.appendChild(el('button', {
                type: 'button',
                'class': 'more',
                text: msg('more', {count: Math.min(rest, setup.page)}),
                onclick: function (event) {
                    more(column, list, event.currentTarget);
                },
            }));
        }
        section.addEventListener('dragover', function (event) {
            if (dragged && dragged.state !== column.state) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                section.classList.add('over');
            }
        });
        section.addEventListener('dragleave', function (event) {
            if (!section.contains(event.relatedTarget)) {
                section.classList.remove('over');
            }
        });
        section.addEventListener('drop', function (event) {
            event.preventDefault();
            section.classList.remove('over');
            if (dragged && dragged.state !== column.state) {
                var card = dragged;
                dragged = null;
                moveCard(card, column.state);
            }
        });
        return section;
    }

    function more(column, list, button) {
        button.disabled = true;
        var params = filters();
        params.state = column.state;
        params.offset = loaded[column.state].length;
        request('/cards', params).then(function (cards) {
            cards.forEach(function (card) {
                loaded[column.state].push(card);
                list.appendChild(renderCard(card));
            });
            column.cards = loaded[column.state];
            var rest = column.count - column.cards.length;
            if (rest > 0) {
                button.disabled = false;
                button.textContent = msg('more', {
                    count: Math.min(rest, setup.page)});
            } else {
                button.remove();
            }
        }, function (error) {
            button.disabled = false;
            status(error.message, true);
        });
    }

    function renderCard(card) {
        var time = null;
        if (card.on_hold) {
            time = el('span', {'class': 'time hold', text: msg('on_hold')});
        } else if (card.remaining !== null) {
            time = el('span', {
                'class': 'time' + (card.overdue ? ' late' : ''),
                text: card.overdue ?
                    msg('late', {time: duration(card.remaining)}) :
                    msg('left', {time: duration(card.remaining)}),
            });
        }
        var link = el('a', {
            'class': 'number',
            href: '/#' + encodeURIComponent(DATABASE) +
                '/model/yankomas.complaint/' + card.id,
            target: '_blank',
            rel: 'noopener',
            title: msg('open'),
            tabindex: '-1',
            text: card.number || '—',
        });
        var node = el('li', {
            'class': 'card' + (card.overdue ? ' overdue' : ''),
            draggable: 'true',
            tabindex: '0',
            'data-id': card.id,
            'data-state': card.state,
            'aria-label': [card.number, card.subject, card.category,
                card.handler, time ? time.textContent : ''].join(', '),
            'aria-keyshortcuts': 'Enter M',
        }, [
            el('div', {'class': 'top'}, [
                link,
                el('span', {'class': 'age', title: msg('received') + ' ' +
                    new Date(card.received + 'Z').toLocaleString(
                        document.documentElement.lang),
                    text: age(card.age)}),
            ]),
            card.category ? el('div', {
                'class': 'category', text: card.category}) : null,
            el('div', {'class': 'subject', text: card.subject}),
            el('div', {'class': 'bottom'}, [
                el('span', {'class': 'handler', title: msg('handler'),
                    text: card.handler}),
                time,
            ]),
        ]);
        node.addEventListener('dragstart', function (event) {
            dragged = card;
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', String(card.id));
            node.classList.add('dragging');
        });
        node.addEventListener('dragend', function () {
            node.classList.remove('dragging');
            window.setTimeout(function () {
                dragged = null;
            });
        });
        node.addEventListener('keydown', function (event) {
            if (event.target !== node) {
                return;
            }
            if (event.key === 'Enter' || event.key === 'm' ||
                    event.key === 'M') {
                event.preventDefault();
                chooseTarget(card);
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                var sibling = event.key === 'ArrowDown' ?
                    node.nextElementSibling : node.previousElementSibling;
                if (sibling && sibling.classList.contains('card')) {
                    sibling.focus();
                    event.preventDefault();
                }
            } else if (event.key === 'ArrowRight' ||
                    event.key === 'ArrowLeft') {
                var column = node.closest('.column');
                var next = event.key === 'ArrowRight' ?
                    column.nextElementSibling : column.previousElementSibling;
                while (next && !next.querySelector('.card')) {
                    next = event.key === 'ArrowRight' ?
                        next.nextElementSibling : next.previousElementSibling;
                }
                if (next) {
                    next.querySelector('.card').focus();
                    event.preventDefault();
                }
            }
        });
        return node;
    }

    // -- moving a card -----------------------------------------------------

    function chooseTarget(card) {
        var dialog = $('#move-dialog');
        var select = $('#move-target');
        select.textContent = '';
        var first = null;
        setup.columns.forEach(function (column) {
            if (column.state === card.state) {
                return;
            }
            var move = moveOf(card.state, column.state);
            var option = el('option', {
                value: column.state,
                text: column.label + (move ? ' — ' + move.label : ''),
            });
            select.appendChild(option);
            if (move && move.allowed && !first) {
                first = column.state;
            }
        });
        if (first) {
            select.value = first;
        }
        $('#move-title').textContent = card.number + ' — ' + card.subject;
        dialog.returnValue = '';
        dialog.onclose = function () {
            if (dialog.returnValue === 'ok') {
                moveCard(card, select.value);
            } else {
                focusCard(card.id);
            }
        };
        dialog.showModal();
        select.focus();
    }

    function askNote(card, move) {
        return new Promise(function (resolve) {
            var dialog = $('#note-dialog');
            var text = $('#note-text');
            var agency = $('#agency-text');
            text.value = '';
            agency.value = '';
            $('#agency-field').hidden = !move.agency;
            agency.required = Boolean(move.agency);
            $('#note-title').textContent = card.number + ' — ' + move.label;
            $('#note-help').textContent = msg('note_help', {
                button: move.label});
            dialog.returnValue = '';
            dialog.onclose = function () {
                resolve(dialog.returnValue === 'ok' ?
                    {note: text.value, agency: agency.value} : null);
            };
            dialog.showModal();
            text.focus();
        });
    }

    function moveCard(card, target) {
        var move = moveOf(card.state, target);
        // The server refuses what the user may not do, with its reason;
        // the note is asked only for a move the user may make.
        var note = (move && move.allowed && move.note) ?
            askNote(card, move) : Promise.resolve({note: '', agency: ''});
        return note.then(function (given) {
            if (given === null) {
                focusCard(card.id);
                return;
            }
            var node = document.querySelector(
                '.card[data-id="' + card.id + '"]');
            var home = node && node.parentNode;
            var after = node && node.nextSibling;
            var list = document.querySelector(
                '.column[data-state="' + target + '"] .cards');
            if (node && list) {
                node.classList.add('pending');
                list.insertBefore(node, list.firstChild);
            }
            busy += 1;
            return request('/move', null, {
                complaint: card.id,
                source: card.state,
                target: target,
                note: given.note,
                referred_to: given.agency || null,
            }).then(function (result) {
                busy -= 1;
                status(result.message);
                return load(true).then(function () {
                    focusCard(card.id);
                });
            }, function (error) {
                busy -= 1;
                if (node && home) {
                    node.classList.remove('pending');
                    home.insertBefore(node, after);
                }
                showError(error.message, function () {
                    load(true).then(function () {
                        focusCard(card.id);
                    });
                });
            });
        });
    }

    function focusCard(id) {
        var node = document.querySelector('.card[data-id="' + id + '"]');
        if (node) {
            node.focus();
        }
    }

    function showError(text, then) {
        var dialog = $('#error-dialog');
        $('#error-text').textContent = text;
        status(text, true);
        dialog.onclose = then || null;
        dialog.showModal();
    }

    function bindDialogs() {
        // Enter on the column list moves, as on a text field.
        $('#move-target').addEventListener('keydown', function (event) {
            if (event.key === 'Enter') {
                event.preventDefault();
                $('#move-dialog').close('ok');
            }
        });
        Array.prototype.forEach.call(
            document.querySelectorAll('dialog [data-close]'),
            function (button) {
                button.addEventListener('click', function () {
                    button.closest('dialog').close('cancel');
                });
            });
    }

    // -- pivot -------------------------------------------------------------

    function fillPivotForm() {
        var form = $('#pivot-form');
        var dimensions = setup.dimensions.map(function (name) {
            return {id: name, name: msg('dimension_' + name)};
        });
        options(form.rows, dimensions);
        options(form.cols, dimensions);
        options(form.measure, setup.measures.map(function (name) {
            return {id: name, name: msg('measure_' + name)};
        }));
        form.rows.value = 'category';
        form.cols.value = 'state';
        form.addEventListener('change', loadPivot);
    }

    function pivotParams() {
        var form = $('#pivot-form');
        var params = filters();
        params.rows = form.rows.value;
        params.cols = form.cols.value;
        return params;
    }

    function value(measures, measure) {
        if (!measures) {
            return '';
        }
        var number = measures[measure];
        if (number === null || number === undefined) {
            return '';
        }
        if (measure === 'count') {
            return String(number);
        }
        if (measure === 'on_time') {
            return Math.floor(number * 100 + 0.5) + '%';
        }
        // Rounded as the CSV rounds them (pivot.py).
        return duration(Math.floor(number / 60));
    }

    function loadPivot() {
        var params = pivotParams();
        var measure = $('#pivot-form').measure.value;
        var csv = Object.assign({measure: measure}, params);
        $('#csv').href = BASE + '/pivot.csv' + query(csv);
        return request('/pivot', params).then(function (data) {
            renderPivot(data, measure);
        }, function (error) {
            status(error.message, true);
        });
    }

    function renderPivot(data, measure) {
        var table = $('#pivot-table');
        table.textContent = '';
        table.appendChild(el('caption', {text: msg('measure_' + measure)}));
        var head = el('tr', {}, [el('th', {scope: 'col', 'class': 'corner',
            text: msg('dimension_' + data.rows) + ' \\ ' +
                msg('dimension_' + data.cols)})]);
        data.col_labels.forEach(function (text) {
            head.appendChild(el('th', {scope: 'col', text: text}));
        });
        head.appendChild(el('th', {scope: 'col', 'class': 'total',
            text: msg('total')}));
        table.appendChild(el('thead', {}, [head]));
        var body = el('tbody');
        data.lines.forEach(function (line) {
            var row = el('tr', {}, [el('th', {scope: 'row', text: line.label})]);
            line.cells.forEach(function (cell) {
                row.appendChild(el('td', {text: value(cell, measure)}));
            });
            row.appendChild(el('td', {'class': 'total',
                text: value(line.total, measure)}));
            body.appendChild(row);
        });
        table.appendChild(body);
        var foot = el('tr', {}, [el('th', {scope: 'row', text: msg('total')})]);
        data.totals.cells.forEach(function (cell) {
            foot.appendChild(el('td', {text: value(cell, measure)}));
        });
        foot.appendChild(el('td', {'class': 'total',
            text: value(data.totals.total, measure)}));
        table.appendChild(el('tfoot', {}, [foot]));
    }

    start();
}());
