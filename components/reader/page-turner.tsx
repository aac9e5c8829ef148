/**
 * Turns the page from beside the page image: 上一版 / 下一版 as large buttons
 * (links, so they work without JavaScript), and a swipe across the image
 * follows them (a few lines of inline script).
 */
export function PageTurner(props: { previousHref?: string; nextHref?: string; t: (text: string) => string }) {
  const { previousHref, nextHref, t } = props;
  const button = "flex min-h-11 min-w-24 items-center justify-center rounded border px-3 py-2 text-sm no-underline";
  return (
    <nav aria-label={t("版面翻页")} className="page-turner mt-2 flex justify-between gap-3 print:hidden">
      {previousHref ? (
        <a href={previousHref} rel="prev" className={`${button} border-brand bg-white text-brand`}>
          ‹ {t("上一版")}
        </a>
      ) : (
        <span className={`${button} border-neutral-300 text-neutral-600`}>‹ {t("上一版")}</span>
      )}
      {nextHref ? (
        <a href={nextHref} rel="next" className={`${button} border-brand bg-white text-brand`}>
          {t("下一版")} ›
        </a>
      ) : (
        <span className={`${button} border-neutral-300 text-neutral-600`}>{t("下一版")} ›</span>
      )}
      <script dangerouslySetInnerHTML={{ __html: SWIPE_SCRIPT }} />
    </nav>
  );
}

/** A horizontal swipe over the page image (not a scroll, not a pinch) follows 上一版 or 下一版. */
const SWIPE_SCRIPT = `(function(){var f=document.querySelector(".page-map"),n=document.currentScript.parentNode,x,y;if(!f)return;f.addEventListener("touchstart",function(e){x=e.touches.length===1?e.touches[0].clientX:null;y=x===null?null:e.touches[0].clientY},{passive:true});f.addEventListener("touchend",function(e){if(x===null||x===undefined)return;var t=e.changedTouches[0],dx=t.clientX-x,dy=t.clientY-y;x=null;if(Math.abs(dx)<60||Math.abs(dy)>Math.abs(dx)/2)return;var a=n.querySelector(dx<0?"a[rel=next]":"a[rel=prev]");if(a)location.href=a.href})})()`;
