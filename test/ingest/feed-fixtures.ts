/** Fictional RSS and Atom feeds shared by the feed and reader tests. */
export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Dock Gazette</title>
  <link>https://gazette.example/</link>
  <item>
    <title>Dockers Vote to End Strike</title>
    <link>https://gazette.example/dockers-vote</link>
    <dc:creator>Rui Almada</dc:creator>
    <pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
    <description>Dockers voted to return &amp; talks resume.</description>
    <content:encoded><![CDATA[<p>The dockers of Port Veyra voted on Sunday to return to the cranes after two weeks on strike, ending the longest stoppage in the harbour for a decade.</p><p>“We are back because our children must eat,” said one crane operator, who asked not to be named.</p>]]></content:encoded>
  </item>
  <item>
    <title>Governor Signs Port Bill</title>
    <guid isPermaLink="true">https://gazette.example/port-bill</guid>
    <description>The governor signed the bill on Thursday…</description>
  </item>
</channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Veyra Wire</title>
  <link rel="self" href="https://wire.example/feed.atom"/>
  <link rel="alternate" href="https://wire.example/"/>
  <entry>
    <title>Cranes Idle for a Second Week</title>
    <link rel="alternate" href="https://wire.example/cranes"/>
    <author><name>Lucía Ferrer</name></author>
    <published>2026-03-01T08:00:00Z</published>
    <summary>Cranes stood idle.</summary>
    <content type="html">&lt;p&gt;Cranes stood idle in Port Veyra for a second week on Monday as the dockworkers' strike went on, with twenty-two ships waiting at anchor outside the breakwater.&lt;/p&gt;</content>
  </entry>
</feed>`;
