// The public complaint form, better with a script (it works without one):
// the identity fields hide while "anonymous" is ticked, the representative's
// while the complainant acts on their own behalf, and the message of a
// refused form takes the focus so that a screen reader reads it first.
(function () {
    'use strict';
    function toggle(box, target, hidden) {
        var part = document.querySelector(target);
        if (!box || !part) {
            return;
        }
        function apply() {
            part.hidden = hidden(box);
        }
        box.addEventListener('change', apply);
        apply();
    }
    toggle(document.getElementById('anonymous'), '.identity',
        function (box) { return box.checked; });
    toggle(document.getElementById('representation'), '.representative',
        function (box) { return box.value !== 'representative'; });
    toggle(document.getElementById('compensation_claimed'), '.compensation',
        function (box) { return !box.checked; });
    var files = document.getElementById('evidence');
    var chosen = document.getElementById('evidence-chosen');
    if (files && chosen) {
        files.addEventListener('change', function () {
            var names = Array.prototype.map.call(files.files,
                function (file) { return file.name; });
            chosen.textContent = names.length ? names.join(', ')
                : chosen.getAttribute('data-none');
        });
        chosen.setAttribute('data-none', chosen.textContent);
    }
    var message = document.getElementById('form-message');
    if (message) {
        message.focus();
    }
}());
