/** Attachments: the checks and limits on the way in, the normalised shape on the way out. */
import { describe, expect, it } from 'vitest';
import { attachmentValue, checkAttachment, webUrl } from '../../src/features/stream/attachment.js';

describe('stream attachment: checkAttachment', () => {
  it('takes an empty object, and PHP’s empty properties list, for nothing', () => {
    expect(checkAttachment(null)).toBeNull();
    expect(checkAttachment({})).toBeNull();
    expect(checkAttachment({ name: 'x', properties: [] })).toEqual({ name: 'x', properties: {} });
  });

  it('keeps keys it does not know, and numbers given for text as text', () => {
    expect(checkAttachment({ name: 1984, latitude: 51.5, nested: { a: [1] } })).toEqual({ name: '1984', latitude: 51.5, nested: { a: [1] } });
  });

  it('keeps only absolute http(s) URLs of at most 1024 characters', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:x', 'data:text/html,x', '//example.org/x', '/relative', 'ftp://example.org/', `http://e.org/${'a'.repeat(1024)}`, 42]) {
      expect(webUrl(bad), String(bad)).toBeUndefined();
    }
    expect(webUrl('https://example.org/a?b=1&c=<2>')).toBe('https://example.org/a?b=1&c=<2>');
    expect(checkAttachment({ href: 'javascript:alert(1)', name: 'n' })).toEqual({ name: 'n' });
  });

  it('drops media items without their URLs, keeps five images and one of any other kind', () => {
    const images = Array.from({ length: 7 }, (_, n) => ({ type: 'image', src: `http://e.org/${n}.jpg`, href: n === 0 ? 'javascript:x' : `http://e.org/${n}` }));
    expect(checkAttachment({ media: [{ type: 'image', href: 'http://e.org/' }, ...images] })!.media).toEqual([
      { type: 'image', src: 'http://e.org/0.jpg' },
      ...[1, 2, 3, 4].map((n) => ({ type: 'image', src: `http://e.org/${n}.jpg`, href: `http://e.org/${n}` })),
    ]);
    const mp3 = (title: string) => ({ type: 'mp3', src: `http://e.org/${title}.mp3`, title, artist: 'A', album: 'B', extra: 'gone' });
    expect(checkAttachment({ media: [mp3('one'), mp3('two')] })!.media).toEqual([{ type: 'mp3', src: 'http://e.org/one.mp3', title: 'one', artist: 'A', album: 'B' }]);
  });

  it('brings Flash sizes into their documented ranges', () => {
    const [flash] = checkAttachment({
      media: [{ type: 'flash', swfsrc: 'http://e.org/a.swf', imgsrc: 'http://e.org/a.jpg', width: 500, height: '5', expanded_width: 1000, expanded_height: 'tall' }],
    })!.media as Array<Record<string, unknown>>;
    expect(flash).toEqual({ type: 'flash', swfsrc: 'http://e.org/a.swf', imgsrc: 'http://e.org/a.jpg', width: 130, height: 30, expanded_width: 320 });
    const [narrow] = checkAttachment({ media: [{ type: 'flash', swfsrc: 'http://e.org/a.swf', imgsrc: 'http://e.org/a.jpg', width: 104 }] })!.media as Array<Record<string, unknown>>;
    expect(narrow!.width).toBe(100);
  });

  it('cuts the description at 1000 characters and property labels at 50, counting characters, not UTF-16 units', () => {
    const checked = checkAttachment({ description: '😀'.repeat(1001), properties: { ['é'.repeat(60)]: 'v', Link: { text: 't', href: 'http://e.org/' }, Bad: { text: 't', href: 'vbscript:x' } } })!;
    expect([...(checked.description as string)]).toHaveLength(1000);
    expect(checked.properties).toEqual({ ['é'.repeat(50)]: 'v', Link: { text: 't', href: 'http://e.org/' }, Bad: 't' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['media that is not a list', { media: { type: 'image' } }, 'attachment.media must be a list of media items'],
    ['a media item that is not an object', { media: ['http://e.org/a.jpg'] }, 'attachment.media[0] must be an object'],
    ['an unknown media type', { media: [{ type: 'iframe', src: 'http://e.org/' }] }, 'attachment.media[0].type must be one of image, flash, mp3, video'],
    ['two kinds of media', { media: [{ type: 'video', video_src: 'http://e.org/v', preview_img: 'http://e.org/p' }, { type: 'image', src: 'http://e.org/i' }] }, 'one type of media per post, not both video and image'],
    ['properties that are a list of text', { properties: ['a', 'b'] }, 'attachment.properties must be an object'],
    ['a property that is a list', { properties: { a: [1] } }, 'attachment.properties.a must be text'],
    ['a caption that is an object', { caption: { text: 'x' } }, 'attachment.caption must be text'],
    ['nesting too deep to write back', { name: 'x', extra: JSON.parse(`${'['.repeat(40000)}${']'.repeat(40000)}`) }, 'the attachment nests more than 32 deep'],
  ])('refuses %s', (_what, input, message) => {
    expect(() => checkAttachment(input)).toThrow(message);
  });
});

describe('stream attachment: attachmentValue', () => {
  it('is an empty struct for a post without one', () => {
    expect(attachmentValue(null, 1, 'Ada')).toEqual({});
  });

  it('writes the stream’s media types with their details, properties as a list, the actor in the caption', () => {
    const attachment = checkAttachment({
      name: 'N',
      href: 'http://e.org/n',
      caption: '{*actor*} and {*actor*}',
      properties: { Plain: 'p', Link: { text: 'l', href: 'http://e.org/l' } },
      media: [{ type: 'video', video_src: 'http://e.org/v.flv', preview_img: 'http://e.org/v.jpg', video_title: 'V' }],
    });
    expect(attachmentValue(attachment, 500000001, 'Ada Lovelace')).toEqual({
      media: [
        {
          href: 'http://e.org/n',
          type: 'video',
          src: 'http://e.org/v.jpg',
          video: { display_url: '', source_url: 'http://e.org/v.flv', owner: 500000001, permalink: '', preview_img: 'http://e.org/v.jpg', source_type: 'application/x-shockwave-flash' },
        },
      ],
      name: 'N',
      href: 'http://e.org/n',
      caption: 'Ada Lovelace and Ada Lovelace',
      description: '',
      properties: [
        { name: 'Plain', text: 'p' },
        { name: 'Link', text: 'l', href: 'http://e.org/l' },
      ],
      icon: '',
      fb_object_type: '',
      fb_object_id: '',
    });
    const swf = checkAttachment({ media: [{ type: 'flash', swfsrc: 'http://e.org/a.swf', imgsrc: 'http://e.org/a.jpg', width: 110, height: 80 }] });
    expect((attachmentValue(swf, 1, 'A').media as unknown[])[0]).toEqual({
      href: '',
      type: 'swf',
      src: 'http://e.org/a.jpg',
      swf: { source_url: 'http://e.org/a.swf', preview_img: 'http://e.org/a.jpg', flash_vars: '', width: 110, height: 80 },
    });
    const mp3 = checkAttachment({ media: [{ type: 'mp3', src: 'http://e.org/a.mp3', title: 'T' }] });
    expect((attachmentValue(mp3, 1, 'A').media as unknown[])[0]).toEqual({ href: '', type: 'music', src: 'http://e.org/a.mp3', music: { source_url: 'http://e.org/a.mp3', title: 'T', artist: '', album: '' } });
  });
});
