/** Unknown or unpublished dates, pages and articles: a way back, never a glimpse. */
export default function ReaderNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">找不到这一页</h1>
      <p className="mt-4 text-neutral-700">您要找的报纸、版面或文章不存在，或尚未出版。</p>
      <p className="mt-8">
        <a href="/" className="rounded bg-brand px-4 py-2 text-white no-underline hover:bg-brand-dark">
          阅读最新一期
        </a>
      </p>
    </main>
  );
}
