// @ts-check
// The only scripts a reader page has: a few lines each, inline, no framework
// runtime. The CSP allows exactly these by their SHA-256
// (lib/http/security-headers.js), so the header is one constant per build,
// the same from the app's fast path and from nginx reading the store
// (deploy/nginx.conf; security-headers.test.ts fails when it drifts). Change a
// script here and both follow. Plain JavaScript: next.config.js loads it
// without a compiler.
import { createHash } from "node:crypto";

/** The reader's 简/繁 choice, remembered for `/` (lib/reader/script.ts). */
export const SCRIPT_COOKIE = "script";

const FONT_SIZE_KEY = "reader-font-size";

/** Runs in <head>: the saved size is applied before the page paints (no flash). */
export const FONT_SIZE_INIT_SCRIPT = `try{var s=localStorage.getItem("${FONT_SIZE_KEY}");if(s)document.documentElement.dataset.fontSize=s}catch(e){}`;

// The size lives on <html data-font-size> (-2…4), where the head script put it;
// a button's data-step is +1, -1 or 0 (back to the default). Disabled buttons
// show the limits.
export const FONT_SIZE_SCRIPT = `(function(){var g=document.currentScript.parentNode,h=document.documentElement,b=g.querySelectorAll("button");function cur(){return Number(h.dataset.fontSize||0)||0}function show(){var s=cur();b.forEach(function(x){var d=Number(x.dataset.step);x.disabled=d>0?s>=4:d<0?s<=-2:s===0})}b.forEach(function(x){x.addEventListener("click",function(){var d=Number(x.dataset.step),s=d===0?0:Math.max(-2,Math.min(4,cur()+d));h.dataset.fontSize=String(s);try{localStorage.setItem("${FONT_SIZE_KEY}",String(s))}catch(e){}show()})});show()})()`;

/**
 * Remembers the reader's choice when a 简/繁 link (`data-script-choice`) is
 * followed, for `/` to open in that script next time: the link itself is a
 * plain link to the page's twin URL.
 */
export const SCRIPT_CHOICE_SCRIPT = `document.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("a[data-script-choice]");if(a)document.cookie="${SCRIPT_COOKIE}="+a.getAttribute("data-script-choice")+";path=/;max-age=31536000;samesite=lax"})`;

// The page view's region highlight (components/reader/region-highlight.tsx).
// The id must be a UUID (region-fragment.ts) before it goes into a selector.
export const REGION_HIGHLIGHT_SCRIPT = `(function(){var p=document.currentScript.parentNode,on=[];function show(){on.forEach(function(e){delete e.dataset.highlighted});on=[];var m=/^#region-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(location.hash),id=m&&m[1].toLowerCase(),entry=id&&document.querySelector('.article-entry[data-article-id="'+id+'"]');if(entry){on=Array.prototype.slice.call(document.querySelectorAll('[data-article-id="'+id+'"]'));on.forEach(function(e){e.dataset.highlighted="true"})}p.textContent=entry?p.dataset.message.replace("{headline}",entry.textContent):"";p.className=entry?"region-status mb-2 rounded border-l-4 border-brand bg-white px-3 py-2 text-sm print:hidden":"region-status sr-only"}addEventListener("hashchange",show);if(document.readyState==="loading")addEventListener("DOMContentLoaded",show);else show()})()`;

/** A horizontal swipe over the page image (not a scroll, not a pinch) follows 上一版 or 下一版. */
export const SWIPE_SCRIPT = `(function(){var f=document.querySelector(".page-map"),n=document.currentScript.parentNode,x,y;if(!f)return;f.addEventListener("touchstart",function(e){x=e.touches.length===1?e.touches[0].clientX:null;y=x===null?null:e.touches[0].clientY},{passive:true});f.addEventListener("touchend",function(e){if(x===null||x===undefined)return;var t=e.changedTouches[0],dx=t.clientX-x,dy=t.clientY-y;x=null;if(Math.abs(dx)<60||Math.abs(dy)>Math.abs(dx)/2)return;var a=n.querySelector(dx<0?"a[rel=next]":"a[rel=prev]");if(a)location.href=a.href})})()`;

/**
 * The CSP source of each script above ('sha256-…' of its UTF-8 text), in a
 * fixed order. A reader page may carry no other executable script.
 * @type {readonly string[]}
 */
export const READER_SCRIPT_HASHES = [FONT_SIZE_INIT_SCRIPT, SCRIPT_CHOICE_SCRIPT, FONT_SIZE_SCRIPT, REGION_HIGHLIGHT_SCRIPT, SWIPE_SCRIPT].map(
  (script) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`,
);
