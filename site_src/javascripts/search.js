/* The search (Pagefind's Component UI, partials/search.html) once the page has loaded: its styles, then its
   script, which draws the search button and dialog. Fetched from the start they took the phone's bandwidth
   from the page's own text (Lighthouse, README). Until then site.css keeps the undrawn elements out of sight. */
(function () {
  var search = document.querySelector(".md-header__search[data-script]");
  if (!search) return;
  var load = function () {
    var hrefs = search.getAttribute("data-styles").split(" ");
    var pending = hrefs.length;
    var script = function () {
      if (--pending > 0) return;
      var tag = document.createElement("script");
      tag.src = search.getAttribute("data-script");
      document.head.appendChild(tag);
    };
    hrefs.forEach(function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = link.onerror = script;
      document.head.appendChild(link);
    });
  };
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load);
})();
