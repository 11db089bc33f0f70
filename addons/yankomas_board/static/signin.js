/* The board's sign-in: Tryton's own login (/<database>/session/login, as
 * the web client does), which sets the session cookie the board reads; then
 * the page reloads into the board. Every word is in the page, from the
 * server, in the visitor's language. */
(function () {
    'use strict';

    var form = document.getElementById('signin');
    var status = document.getElementById('signin-status');
    var extra = document.getElementById('signin-extra');
    var extraValue = document.getElementById('signin-extra-value');
    var database = window.location.pathname.split('/')[1];
    var parameters = {};
    var asked = null;           // the parameter the server asks for next

    function say(text) {
        status.textContent = text || '';
    }

    form.hidden = false;
    if (!window.isSecureContext) {
        // The session cookie is Secure: over plain HTTP the browser drops
        // it and the sign-in would never hold.
        say(form.dataset.insecure);
        form.querySelector('button').disabled = true;
    }
    form.login.focus();

    function ask(name, message, type) {
        asked = name;
        document.getElementById('signin-extra-label').textContent = message;
        extraValue.type = type === 'password' ? 'password' : 'text';
        extraValue.value = '';
        extraValue.required = true;
        extra.hidden = false;
        extraValue.focus();
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        say('');
        parameters.password = form.password.value;
        if (asked) {
            parameters[asked] = extraValue.value;
        }
        var button = form.querySelector('button');
        button.disabled = true;
        fetch('/' + database + '/session/login', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {
                'Content-Type': 'application/json',
                'Accept': 'application/json',
                'X-Requested-With': 'XMLHttpRequest',
            },
            body: JSON.stringify({
                id: 0,
                method: 'common.db.login',
                params: [form.login.value, parameters,
                    form.dataset.language],
            }),
        }).then(function (response) {
            if (response.status === 429) {
                throw form.dataset.busy;
            }
            if (!response.ok) {
                throw form.dataset.wrong;
            }
            return response.json();
        }).then(function (answer) {
            var error = answer.error;
            if (error && error[0] === 'LoginException') {
                // Another factor (a code sent by SMS, ...): ask for it.
                ask(error[1][0], error[1][1], error[1][2]);
                button.disabled = false;
                return;
            }
            if (error) {
                throw form.dataset.wrong;
            }
            window.location.reload();
        }).catch(function (text) {
            say(typeof text === 'string' ? text : form.dataset.error);
            parameters = {};
            asked = null;
            extra.hidden = true;
            extraValue.required = false;
            button.disabled = false;
        });
    });
}());
