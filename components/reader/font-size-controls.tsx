const KEY = "reader-font-size";

/** Runs in <head>: the saved size is applied before the page paints (no flash). */
export const FONT_SIZE_INIT_SCRIPT = `try{var s=localStorage.getItem("${KEY}");if(s)document.documentElement.dataset.fontSize=s}catch(e){}`;

// The size lives on <html data-font-size> (-2…4), where the head script put it;
// a button's data-step is +1, -1 or 0 (back to the default). Disabled buttons
// show the limits.
const FONT_SIZE_SCRIPT = `(function(){var g=document.currentScript.parentNode,h=document.documentElement,b=g.querySelectorAll("button");function cur(){return Number(h.dataset.fontSize||0)||0}function show(){var s=cur();b.forEach(function(x){var d=Number(x.dataset.step);x.disabled=d>0?s>=4:d<0?s<=-2:s===0})}b.forEach(function(x){x.addEventListener("click",function(){var d=Number(x.dataset.step),s=d===0?0:Math.max(-2,Math.min(4,cur()+d));h.dataset.fontSize=String(s);try{localStorage.setItem("${KEY}",String(s))}catch(e){}show()})});show()})()`;

/** 放大 / 缩小 / 默认: the article text size, remembered across articles and visits (a few lines of inline script). */
export function FontSizeControls({ labels }: { labels: { larger: string; smaller: string; reset: string; group: string } }) {
  const button = "min-h-11 min-w-11 rounded border border-neutral-300 bg-white px-2 py-0.5 text-sm hover:border-brand disabled:opacity-50 sm:min-h-0";
  return (
    <div role="group" aria-label={labels.group} className="flex gap-1 print:hidden">
      <button type="button" className={button} data-step="1">
        {labels.larger}
      </button>
      <button type="button" className={button} data-step="-1">
        {labels.smaller}
      </button>
      <button type="button" className={button} data-step="0" disabled>
        {labels.reset}
      </button>
      <script dangerouslySetInnerHTML={{ __html: FONT_SIZE_SCRIPT }} />
    </div>
  );
}
