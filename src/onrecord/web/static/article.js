// Article page: clicking (or Enter on) a highlighted passage shows its statement card.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) return;
  function select(id) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll('mark[data-st="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.add("active");
    });
    var card = document.getElementById("card-" + id);
    if (card) {
      card.classList.add("active");
      card.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }
  text.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-st]");
    if (mark) select(mark.getAttribute("data-st"));
  });
  text.addEventListener("keydown", function (event) {
    var mark = event.target.closest("mark[data-st]");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); select(mark.getAttribute("data-st")); }
  });
  if (location.hash.indexOf("#st-") === 0) select(decodeURIComponent(location.hash.slice(4)));
})();
