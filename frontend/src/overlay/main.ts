// The overlay OBS loads: chat of one channel, live over a WebSocket, in the streamer's look. Every chatter-provided
// string reaches the page as text (textContent, setAttribute), never as markup; the page's CSP runs only this script.
import './overlay.css';
import { emoteUrl, eventLine, safeColor, segments, visible, type ChatRecord, type Settings } from './render';

type Frame =
  | { type: 'settings'; settings: Settings; emoteImages: Record<string, string>; badgeImages: Record<string, string> }
  | { type: 'chat'; chat: ChatRecord }
  | { type: 'closed' }
  | { type: 'replay-ended' };

const chat = document.getElementById('chat')!;
const customStyle = document.head.appendChild(document.createElement('style'));
const token = location.pathname.split('/').pop() ?? '';
let settings: Settings | null = null;
let emoteImages: Record<string, string> = {};
/** Twitch badge images by `set/version`; a badge without one shows as a labelled chip. */
let badgeImages: Record<string, string> = {};
let template: HTMLTemplateElement | null = null;
/**
 * Overlay time travel: `?from=…&to=…&speed=…` plays that stretch of stored chat instead of the live chat, shown as it
 * comes (no display delay). A replay broken off resumes from the last record it showed.
 */
const replay = new URLSearchParams(location.search);
const replaying = replay.has('from');
let lastSentAt: string | null = null;
let replayEnded = false;
/** Messages held back by the display delay, by id; a moderation meanwhile drops them. */
const pending = new Map<string, { record: ChatRecord; timer: number }>();

/** The streamer's template without anything that could run or leave the page. */
function sanitizedTemplate(html: string): HTMLTemplateElement | null {
  if (!html.trim()) return null;
  const parsed = new DOMParser().parseFromString(`<template>${html}</template>`, 'text/html');
  const element = parsed.querySelector('template')!;
  element.content.querySelectorAll('script,iframe,object,embed,link,meta,base,form,frame,frameset').forEach((node) =>
    node.remove(),
  );
  element.content.querySelectorAll('*').forEach((node) => {
    for (const attribute of Array.from(node.attributes)) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith('on') || value.startsWith('javascript:') || value.startsWith('data:text')) {
        node.removeAttribute(attribute.name);
      }
    }
  });
  return element;
}

function messageContent(record: ChatRecord): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const text = record.text ?? eventLine(record) ?? '';
  for (const segment of segments(text, record.text ? record.emotes : [])) {
    if (segment.kind === 'text') {
      fragment.append(document.createTextNode(segment.text));
      continue;
    }
    const holder = document.createElement('span');
    holder.className = 'emote';
    for (const emote of [segment.emote, ...segment.stacked]) {
      const image = document.createElement('img');
      image.src = emoteUrl(emoteImages, emote);
      image.alt = emote.code;
      image.title = emote.code;
      image.dataset.provider = emote.provider;
      if (emote !== segment.emote) image.className = 'zero-width';
      holder.append(image);
    }
    fragment.append(holder);
  }
  return fragment;
}

function badges(record: ChatRecord): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const badge of record.user?.badges ?? []) {
    const className = `badge badge-${badge.name.replace(/[^a-z0-9-]/gi, '')}`;
    const image = badgeImages[`${badge.name}/${badge.version}`];
    if (image) {
      const icon = document.createElement('img');
      icon.className = `${className} badge-image`;
      icon.src = image;
      icon.alt = badge.name;
      icon.title = badge.name;
      fragment.append(icon);
      continue;
    }
    const chip = document.createElement('span');
    chip.className = className;
    chip.textContent = badge.name;
    fragment.append(chip);
  }
  return fragment;
}

function placeholderValue(name: string, record: ChatRecord): Node {
  switch (name) {
    case 'message':
      return messageContent(record);
    case 'badges':
      return badges(record);
    case 'displayName':
      return document.createTextNode(record.user?.displayName ?? record.user?.login ?? '');
    case 'login':
      return document.createTextNode(record.user?.login ?? '');
    case 'color':
      return document.createTextNode(safeColor(record.user?.color ?? null) ?? '');
    case 'channel':
      return document.createTextNode(record.channelLogin);
    case 'time':
      return document.createTextNode(new Date(record.sentAt).toLocaleTimeString());
    default:
      return document.createTextNode('');
  }
}

function fromTemplate(record: ChatRecord): HTMLElement {
  const root = document.createElement('div');
  root.append(template!.content.cloneNode(true));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) texts.push(node);
    else if (node instanceof Element) {
      for (const attribute of Array.from(node.attributes)) {
        if (attribute.value.includes('{{')) {
          node.setAttribute(attribute.name, attribute.value.replace(/\{\{\s*(\w+)\s*}}/g, (_, name: string) =>
            placeholderValue(name === 'message' ? 'login' : name, record).textContent ?? ''));
        }
      }
    }
  }
  for (const text of texts) {
    const parts = text.data.split(/(\{\{\s*\w+\s*}})/);
    if (parts.length === 1) continue;
    text.replaceWith(...parts.map((part) => {
      const name = /^\{\{\s*(\w+)\s*}}$/.exec(part)?.[1];
      return name ? placeholderValue(name, record) : document.createTextNode(part);
    }));
  }
  return root;
}

function fromTheme(record: ChatRecord): HTMLElement {
  const line = document.createElement('div');
  const badgeList = document.createElement('span');
  badgeList.className = 'badges';
  badgeList.append(badges(record));
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = record.user?.displayName ?? record.user?.login ?? '';
  const color = safeColor(record.user?.color ?? null);
  if (color) name.style.color = color;
  const text = document.createElement('span');
  text.className = 'text';
  text.append(messageContent(record));
  line.append(badgeList, name, text);
  return line;
}

function show(record: ChatRecord) {
  if (!settings) return;
  const line = template ? fromTemplate(record) : fromTheme(record);
  line.classList.add('message', `kind-${record.kind.toLowerCase().replace(/_/g, '-')}`);
  line.dataset.id = record.id;
  line.dataset.user = record.user?.login ?? '';
  if (record.sourceChannelId) line.classList.add('shared');
  chat.append(line);
  while (chat.children.length > settings.maxLines) chat.firstElementChild?.remove();
  if (settings.fadeSeconds > 0) {
    window.setTimeout(() => {
      line.classList.add('fading');
      window.setTimeout(() => line.remove(), 600);
    }, settings.fadeSeconds * 1000);
  }
}

function drop(matches: (record: ChatRecord) => boolean, selector: string) {
  chat.querySelectorAll(selector).forEach((node) => node.remove());
  for (const [id, held] of pending) {
    if (matches(held.record)) {
      window.clearTimeout(held.timer);
      pending.delete(id);
    }
  }
}

function receive(record: ChatRecord) {
  switch (record.kind) {
    case 'MESSAGE_DELETED':
      drop((held) => held.id === record.targetMessageId, `[data-id="${CSS.escape(record.targetMessageId ?? '')}"]`);
      return;
    case 'USER_CLEARED':
      drop((held) => held.user?.login === record.target?.login,
        `[data-user="${CSS.escape(record.target?.login ?? '')}"]`);
      return;
    case 'CHAT_CLEARED':
      drop(() => true, '.message');
      return;
  }
  if (replaying) {
    lastSentAt = record.sentAt;
    if (chat.querySelector(`[data-id="${CSS.escape(record.id)}"]`)) return;
  }
  if (!settings || !visible(record, settings)) return;
  if (settings.delaySeconds === 0 || replaying) {
    show(record);
    return;
  }
  const timer = window.setTimeout(() => {
    pending.delete(record.id);
    show(record);
  }, settings.delaySeconds * 1000);
  pending.set(record.id, { record, timer });
}

function apply(next: Settings, emotes: Record<string, string>, badges: Record<string, string>) {
  settings = next;
  emoteImages = emotes;
  badgeImages = badges;
  document.body.className = `theme-${next.theme}`;
  customStyle.textContent = next.css;
  template = sanitizedTemplate(next.template);
}

function socketUrl(): string {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/overlay/${token}`;
  if (!replaying) return url;
  if (lastSentAt) replay.set('from', lastSentAt);
  return `${url}?${replay}`;
}

function connect() {
  const socket = new WebSocket(socketUrl());
  socket.onmessage = (event) => {
    const frame = JSON.parse(event.data as string) as Frame;
    if (frame.type === 'settings') apply(frame.settings, frame.emoteImages, frame.badgeImages ?? {});
    else if (frame.type === 'chat') receive(frame.chat);
    else if (frame.type === 'replay-ended') {
      replayEnded = true;
      document.body.dataset.state = 'replay-ended';
    }
  };
  socket.onclose = (event) => {
    if (event.code === 4001 || event.code === 4404) {
      document.body.dataset.state = 'revoked';
      chat.replaceChildren();
      return;
    }
    if (event.code === 4400) {
      document.body.dataset.state = 'invalid';
      document.body.dataset.reason = event.reason;
      return;
    }
    if (replayEnded) return;
    window.setTimeout(connect, 2000);
  };
  socket.onopen = () => {
    document.body.dataset.state = 'connected';
  };
}

connect();
