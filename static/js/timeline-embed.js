/* The embed page's one script: TimelineJS draws the timeline, read from the API in
   TimelineJS's format. Nothing comes from another host: no web font (TimelineJS loads its
   fonts from a CDN unless told not to), no analytics, and its script path, which it would
   otherwise point at its CDN, is where its script came from. */
(function () {
  "use strict";
  var container = document.getElementById("timeline");
  var script = document.getElementById("timelinejs-script");
  if (!container || !script || !window.TL) {
    return;
  }
  new window.TL.Timeline(container, container.dataset.source, {
    font: null,
    script_path: new URL(".", script.src).href,
    language: "en",
    ga_measurement_id: null,
    hash_bookmark: false,
    is_embed: true,
    timenav_height_percentage: 35
  });
})();
