/* Material opens the menu and the search with <label for="…"> toggles, which a keyboard cannot reach
   (on narrow screens, or zoomed in, they are the only way to the menu and the search). Put a real
   button in each one's place; the label stays, hidden, for the checkbox it belongs to. */
(function () {
  var names = { __drawer: "Meny", __search: "Sök" };
  document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle || !names[label.htmlFor]) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " md-header__toggle";
    button.setAttribute("data-toggle", label.htmlFor);
    button.setAttribute("aria-label", names[label.htmlFor]);
    button.innerHTML = label.innerHTML;
    button.addEventListener("click", function () {
      toggle.click();
      var input = document.querySelector(".md-search__input");
      if (toggle.checked && label.htmlFor === "__search" && input) input.focus();
    });
    toggle.checked = false; /* closed on every load: the checkboxes carry no autocomplete="off" (invalid HTML), so a
                               browser restoring form state on reload would otherwise reopen the menu or search */
    var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    toggle.addEventListener("change", sync);
    sync();
    label.style.display = "none";
    label.parentNode.insertBefore(button, label);
  });
})();
