"""Small inputs written for the ingestion tests: an Arabic paragraph, a news page, WARC files."""
from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: A paragraph of several sentences, written for these tests (no real report).
ARABIC_PARAGRAPH = (
    "أعلنت وزارة الزراعة صباح اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية. "
    "وقال المتحدث باسم الوزارة إن الخطة تشمل توزيع البذور والأسمدة مجاناً على الأسر المحتاجة، "
    "إضافة إلى قروض صغيرة بلا فوائد. ومن المتوقع أن يبدأ التنفيذ في مطلع الشهر المقبل "
    "بعد موافقة مجلس الوزراء على الميزانية؛ فهل تكفي هذه الخطوة لوقف هجرة الشباب من القرى؟"
)

ARTICLE_PARAGRAPHS = (
    "افتتحت البلدية صباح الأحد سوقاً جديداً للخضار والفواكه في الحي الشرقي من المدينة، "
    "بعد أشهر من أعمال البناء التي تأخرت بسبب الأمطار الغزيرة.",
    "ويضم السوق أكثر من مئة وعشرين محلاً صغيراً، خُصص نصفها للمزارعين القادمين من القرى "
    "المجاورة، بحسب ما قاله رئيس البلدية للصحفيين خلال جولة في المكان.",
    "وقال أحد الباعة إن الإيجارات الجديدة معقولة مقارنة بالسوق القديم الذي أُنشئ عام 1998، "
    "لكنه أبدى قلقه من ازدحام الطرق المؤدية إلى المكان في ساعات الصباح الأولى.",
    "ومن المقرر أن تفتح البلدية موقفاً للسيارات بجوار السوق خلال الأسابيع المقبلة، "
    "إلى جانب محطة صغيرة للحافلات تربط الحي بوسط المدينة.",
)

TITLE = "افتتاح سوق جديد للخضار في المدينة"
NAV_ITEM = "أخبار المحافظات"
COOKIE_TEXT = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا"
SIDEBAR_ITEM = "ارتفاع أسعار الذهب في الأسواق المحلية"

_DATE_META = """
<meta property="article:published_time" content="2021-03-14T09:30:00+03:00">
<meta name="author" content="سامر الخطيب">"""


def news_page(*, with_date: bool = True, head_extra: str = "", charset: str = "utf-8") -> str:
    """A realistic Arabic news page: nav, cookie banner, article, sidebar, footer."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="{charset}">
<title>{TITLE} | صحيفة الوادي</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="صحيفة الوادي">
<meta property="og:url" content="https://news.example/local/market">{_DATE_META if with_date else ""}
{head_extra}
</head>
<body>
<header><nav><ul>
<li><a href="/">الرئيسية</a></li><li><a href="/gov">{NAV_ITEM}</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li>
</ul></nav></header>
<div class="cookie-banner" id="cookie-consent"><p>{COOKIE_TEXT}. بالاستمرار في التصفح فإنك توافق على ذلك.</p>
<button>موافق</button></div>
<main><article class="post">
<h1>{TITLE}</h1>
{paragraphs}
</article></main>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ul>
<li><a href="/a">{SIDEBAR_ITEM}</a></li>
<li><a href="/b">فوز الفريق المحلي في المباراة النهائية</a></li>
<li><a href="/c">حالة الطقس غداً: أجواء باردة وأمطار متفرقة</a></li>
</ul></aside>
<footer><p>جميع الحقوق محفوظة لصحيفة الوادي</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body>
</html>
"""


def warc_bytes(gzip: bool) -> bytes:
    """A WARC with an HTML page, an image, another HTML page, a 404 page and a request."""
    return warc_archive(gzip)[0]


def warc_archive(gzip: bool) -> tuple[bytes, list[int]]:
    """The WARC of `warc_bytes` and the offset where each of its five records starts."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    second = news_page(with_date=False).replace(TITLE, "طريق جديد إلى القرى الشمالية")
    starts = [0]
    _response(writer, "https://news.example/1", "text/html; charset=utf-8", news_page().encode())
    starts.append(buffer.tell())
    _response(writer, "https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    starts.append(buffer.tell())
    _response(writer, "https://news.example/2", "text/html", second.encode())
    starts.append(buffer.tell())
    _response(writer, "https://news.example/gone", "text/html", news_page().encode(), "404 Not Found")
    starts.append(buffer.tell())
    writer.write_record(writer.create_warc_record("https://news.example/1", "request",
                                                  payload=io.BytesIO(b"GET /1 HTTP/1.1\r\n\r\n")))
    return buffer.getvalue(), starts


def _response(writer: WARCWriter, url: str, content_type: str, body: bytes,
              status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": "2023-06-02T08:15:00Z"})
    writer.write_record(record)
