#!/usr/bin/env node
// Writes seed/startup, seed/fake-data and seed/fake-data.model from the rules in
// ../README.md (and spec/tests-and-fixtures.md §3.2–§3.4). Deterministic: a fixed clock and a
// seeded generator, so running it again rewrites the same bytes. The files are committed; no
// loader runs this. Usage: node jest-compat-fixtures/tools/generate-seed.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCE_NOW = Date.parse('2025-10-03T19:47:17.000Z');
const RANDOM_SEED = 20251003;
// bcrypt (cost 10, $2b$) of the two passwords the worlds use, made once with libxcrypt.
const HASHES = {
  '123': '$2b$10$/sawvGE8WM1i3kCaYU4g9emhSngUla0m0MNTF95YUTonUXfv4X1Sa',
  password123: '$2b$10$G.fx5YQ.9T.ZKejBd6JeMedtgtS6NA7Wxx/kQ1VFAELWEaXY.b0zm',
};
const ID_PREFIX = '68e02845ce489784ee39';

const oid = (counter) => ({ $oid: ID_PREFIX + counter.toString(16).padStart(4, '0') });
const date = (ms) => ({ $date: new Date(ms).toISOString() });
const day = (text) => Date.parse(`${text}T00:00:00.000Z`);
const HOUR = 3600e3;
const MINUTE = 60e3;
const DAY = 24 * HOUR;

// mulberry32: small, seeded, the same on every Node version.
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(RANDOM_SEED);
const between = (low, high) => low + Math.floor(random() * (high - low + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const base36 = (length) => Array.from({ length }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[between(0, 35)]).join('');

function write(world, file, records) {
  const folder = join(root, 'seed', world);
  mkdirSync(folder, { recursive: true });
  // One record a line: small files, and a diff shows which records changed.
  writeFileSync(join(folder, file), '[\n' + records.map((record) => JSON.stringify(record)).join(',\n') + '\n]\n');
}

// ---------------------------------------------------------------- fake-data (§3.2)
const fakeUsers = [
  ['admin', 'admin@chat-system.com', 'Admin', 'User', ['group_admin', 'user'], true, day('2024-01-01'), 0, 'admin'],
  ['superadmin', 'superadmin@chat-system.com', 'Super', 'Admin', ['super_admin', 'group_admin', 'user'], true, day('2024-01-01'), 0, 'superadmin'],
  ['john_doe', 'john.doe@example.com', 'John', 'Doe', ['user'], true, day('2024-01-15'), 2 * HOUR],
  ['jane_smith', 'jane.smith@example.com', 'Jane', 'Smith', ['user'], true, day('2024-01-20'), 30 * MINUTE],
  ['mike_wilson', 'mike.wilson@example.com', 'Mike', 'Wilson', ['user'], true, day('2024-02-01'), HOUR],
  ['sarah_johnson', 'sarah.johnson@example.com', 'Sarah', 'Johnson', ['user'], true, day('2024-02-10'), 15 * MINUTE],
  ['david_brown', 'david.brown@example.com', 'David', 'Brown', ['user'], true, day('2024-02-15'), 45 * MINUTE],
  ['emma_davis', 'emma.davis@example.com', 'Emma', 'Davis', ['user'], true, day('2024-02-20'), 3 * HOUR],
  ['alex_garcia', 'alex.garcia@example.com', 'Alex', 'Garcia', ['user'], true, day('2024-03-01'), 5 * MINUTE],
  ['lisa_martinez', 'lisa.martinez@example.com', 'Lisa', 'Martinez', ['user'], true, day('2024-03-05'), 20 * MINUTE],
  ['tom_anderson', 'tom.anderson@example.com', 'Tom', 'Anderson', ['user'], true, day('2024-03-10'), 4 * HOUR],
  ['anna_taylor', 'anna.taylor@example.com', 'Anna', 'Taylor', ['user'], true, day('2024-03-15'), 10 * MINUTE],
  ['chris_lee', 'chris.lee@example.com', 'Chris', 'Lee', ['user'], true, day('2024-03-20'), 6 * HOUR],
  ['maria_rodriguez', 'maria.rodriguez@example.com', 'Maria', 'Rodriguez', ['user'], true, day('2024-03-25'), DAY],
  ['james_white', 'james.white@example.com', 'James', 'White', ['user'], true, day('2024-04-01'), 2 * DAY],
  ['sophie_clark', 'sophie.clark@example.com', 'Sophie', 'Clark', ['user'], true, day('2024-04-05'), 3 * DAY],
  ['ryan_moore', 'ryan.moore@example.com', 'Ryan', 'Moore', ['user'], true, day('2024-04-10'), 4 * DAY],
  ['olivia_hall', 'olivia.hall@example.com', 'Olivia', 'Hall', ['user'], true, day('2024-04-15'), 5 * DAY],
  ['daniel_young', 'daniel.young@example.com', 'Daniel', 'Young', ['user'], true, day('2024-04-20'), 6 * DAY],
  ['isabella_king', 'isabella.king@example.com', 'Isabella', 'King', ['user'], true, day('2024-04-25'), 7 * DAY],
  ['inactive_user', 'inactive@example.com', 'Inactive', 'User', ['user'], false, day('2024-01-01'), 30 * DAY, 'inactive'],
  ['banned_user', 'banned@example.com', 'Banned', 'User', ['user'], false, day('2024-01-01'), 60 * DAY, 'banned'],
].map(([username, email, firstName, lastName, roles, isActive, createdAt, lastLoginAgo, seed], index) => ({
  index, username, email, firstName, lastName, roles, isActive, createdAt,
  lastLoginAt: REFERENCE_NOW - lastLoginAgo,
  avatarUrl: `https://api.dicebear.com/7.x/avataaars/svg?seed=${seed ?? firstName.toLowerCase()}`,
  id: oid(0x43ba + index),
}));

const T = [true, true, false];
const F = [false, false, true];
const fakeGroups = [
  ['General Discussion', 'General', 0, [0, 1, 2, 3, 4], false, 100, ['general', 'discussion', 'community'], T, '2024-01-01', 'A place for general discussions and announcements'],
  ['Tech Enthusiasts', 'Technology', 1, [1, 2, 5, 6, 7, 8], false, 50, ['technology', 'programming', 'development'], T, '2024-01-15', 'For technology enthusiasts and developers'],
  ['Gaming Community', 'Gaming', 2, [2, 3, 4, 9, 10, 11], false, 200, ['gaming', 'esports', 'tournaments'], T, '2024-02-01', 'Gaming discussions, tournaments, and team building'],
  ['Music Lovers', 'Entertainment', 3, [3, 4, 5, 12, 13], false, 75, ['music', 'artists', 'concerts'], T, '2024-02-10', 'Share music, discuss artists, and discover new songs'],
  ['Photography Club', 'Arts & Hobbies', 4, [4, 5, 6, 14, 15], false, 60, ['photography', 'camera', 'techniques'], T, '2024-02-20', 'Share photos, techniques, and photography tips'],
  ['Fitness & Health', 'Community', 5, [5, 6, 7, 16, 17], false, 80, ['fitness', 'health', 'workout'], T, '2024-03-01', 'Fitness tips, workout routines, and health discussions'],
  ['Book Club', 'Community', 6, [6, 7, 8, 18, 19], false, 40, ['books', 'reading', 'literature'], T, '2024-03-10', 'Book discussions, reviews, and reading recommendations'],
  ['Travel & Adventure', 'Lifestyle', 7, [7, 8, 9, 10, 11], false, 90, ['travel', 'adventure', 'destinations'], T, '2024-03-20', 'Share travel experiences, tips, and plan adventures'],
  ['Cooking & Recipes', 'Food & Drink', 8, [8, 9, 10, 12, 13], false, 70, ['cooking', 'recipes', 'food'], T, '2024-04-01', 'Share recipes, cooking tips, and food discussions'],
  ['Art & Design', 'Arts & Hobbies', 9, [9, 10, 11, 14, 15], false, 55, ['art', 'design', 'creative'], T, '2024-04-10', 'Showcase artwork, design projects, and creative discussions'],
  ['VIP Members', 'Premium', 0, [0, 1, 2, 3], true, 20, ['vip', 'exclusive', 'premium'], F, '2024-01-05', 'Exclusive group for VIP members only'],
  ['Moderators Only', 'Administration', 0, [0, 1], true, 10, ['moderators', 'admin', 'internal'], F, '2024-01-01', 'Internal group for moderators and admins'],
  ['Beta Testers', 'Development', 0, [4, 5, 6, 7, 8], true, 30, ['beta', 'testing', 'features'], [true, true, true], '2024-02-15', 'Group for beta testing new features'],
  ['Company Team', 'Business', 0, [0, 1, 2, 3, 4, 5], true, 50, ['company', 'team', 'internal'], F, '2024-01-01', 'Internal team communication'],
  ['Project Alpha', 'Development', 6, [6, 7, 8, 9], true, 15, ['project', 'development', 'alpha'], [true, true, true], '2024-03-01', 'Development team for Project Alpha'],
].map(([name, category, by, members, isPrivate, maxMembers, tags, [invites, channels, approval], created, description], index) => ({
  index, name, category, by, members, isPrivate, maxMembers, tags, description,
  settings: { allowMemberInvites: invites, allowChannelCreation: channels, requireApproval: approval },
  createdAt: day(created), id: oid(0x43d0 + index),
  key: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
}));

// Per-name channel rules: description, permissions (send/media/threads/mentionEveryone),
// settings (slowMode/requireApproval/reactions/polls), maxMembers, messageCount range.
const channelRules = {
  general: (g) => [`General discussion for ${g.name}`, [1, 1, 1, 1], [0, 0, 1, 1], g.maxMembers, [100, 1099]],
  announcements: (g) => [`Important announcements for ${g.name}`, [0, 0, 0, 0], [0, 1, 1, 0], g.maxMembers, [10, 59]],
  'voice-chat': (g) => [`Voice channel for ${g.name}`, [0, 0, 0, 0], [0, 0, 0, 0], 10, [0, 0]],
  programming: (g) => ['Programming discussions and code sharing', [1, 1, 1, 0], [5, 0, 1, 1], g.maxMembers, [200, 699]],
  help: (g) => ['Get help with coding problems', [1, 1, 1, 0], [10, 0, 1, 0], g.maxMembers, [150, 449]],
  'general-gaming': (g) => ['General gaming discussions', [1, 1, 1, 0], [0, 0, 1, 1], g.maxMembers, [300, 1099]],
  tournaments: (g) => ['Tournament announcements and discussions', [1, 1, 1, 1], [0, 0, 1, 1], g.maxMembers, [50, 249]],
  'music-sharing': (g) => ['Share and discuss music', [1, 1, 1, 0], [0, 0, 1, 1], g.maxMembers, [100, 499]],
  'photo-gallery': (g) => ['Share your photography work', [1, 1, 1, 0], [0, 0, 1, 0], g.maxMembers, [80, 379]],
  'private-discussion': (g) => ['Private discussions for members only', [1, 1, 1, 0], [0, 0, 1, 1], g.maxMembers, [50, 199]],
  'admin-only': (g) => ['Admin discussions and moderation', [0, 0, 0, 0], [0, 1, 1, 1], 10, [10, 59]],
};

const fakeChannels = [];
for (const group of fakeGroups) {
  const names = ['general', 'announcements', 'voice-chat'];
  if (/Tech|Programming/.test(group.name)) names.push('programming', 'help');
  if (/Gaming/.test(group.name)) names.push('general-gaming', 'tournaments');
  if (/Music/.test(group.name)) names.push('music-sharing');
  if (/Photography/.test(group.name)) names.push('photo-gallery');
  if (group.isPrivate || group.index % 3 === 0) names.push('private-discussion');
  if (group.index < 5) names.push('admin-only');
  for (const name of names) {
    const [description, permissions, settings, maxMembers, [low, high]] = channelRules[name](group);
    fakeChannels.push({
      name, description, group, maxMembers, permissions, settings,
      isVoiceChannel: name === 'voice-chat',
      isPrivate: name === 'private-discussion' || name === 'admin-only',
      messageCount: between(low, high),
      lastMessageAt: REFERENCE_NOW - between(0, 7 * 24 * 60) * MINUTE,
      id: oid(0x43df + fakeChannels.length),
      key: `${group.key}/${name}`,
    });
  }
}

// The old generator's twenty templates: the first and last are from the spec, the others are
// written in the same style (the original list was not recorded).
const templates = [
  "Hello everyone! How's it going?", 'Has anyone tried the new feature yet?', 'Great discussion today, thanks all!',
  'Does anyone have recommendations?', 'I just shared something interesting, check it out.', 'Good morning team!',
  'Looking forward to the next meetup.', 'Can someone help me with this?', 'That sounds like a great idea!',
  "I'll be offline for a while, catch you later.", 'Thanks for sharing!', 'What do you all think about this?',
  'Happy Friday everyone!', 'Just finished a big project, feeling great.', 'Welcome to all the new members!',
  'Any plans for the weekend?', 'This is really helpful, thank you.', 'Let me know if you have questions.',
  'Totally agree with you on that.', "I'm excited about this project!",
];
const emojis = ['😀', '🎉', '👍', '🔥', '❤️', '🚀', '😂', '🙌'];
const senders = fakeUsers.slice(0, 5);

let counter = 0x43df + fakeChannels.length;
const fakeMessages = [];
for (const channel of fakeChannels) {
  const count = between(10, 59);
  for (let n = 0; n < count; n++) {
    const sender = pick(senders);
    const roll = random();
    const type = roll < 0.9 ? 'text' : roll < 0.995 ? 'image' : 'file';
    let text = type === 'image' ? 'Sent an image' : type === 'file' ? 'Sent a file' : pick(templates);
    if (type === 'text' && random() < 0.3) text += ` ${pick(emojis)}`;
    if (type === 'text' && random() < 0.1) text = `@${pick(fakeUsers).username} ${text}`;
    fakeMessages.push({
      channel, sender, type, text,
      imageUrl: type === 'image' ? `https://example.com/images/${base36(9)}.jpg` : undefined,
      fileUrl: type === 'file' ? `https://example.com/files/${base36(9)}.pdf` : undefined,
      createdAt: REFERENCE_NOW - Math.floor(random() * 30 * DAY),
    });
  }
}
fakeMessages.sort((a, b) => a.createdAt - b.createdAt);
for (const message of fakeMessages) message.id = oid(counter++);

const statuses = ['initiated', 'ringing', 'accepted', 'rejected', 'ended', 'missed'];
const fakeCalls = [];
for (let n = 0; n < 150; n++) {
  const initiator = pick(fakeUsers);
  let recipient = pick(fakeUsers);
  while (recipient === initiator) recipient = pick(fakeUsers);
  const status = pick(statuses);
  const start = REFERENCE_NOW - Math.floor(random() * 30 * DAY);
  const duration = status === 'ended' ? between(1, 7200) : undefined;
  fakeCalls.push({
    initiator, recipient, status, start, duration, channel: pick(fakeChannels),
    callId: `call_${start}_${base36(9)}`,
    quality: { video: pick(['low', 'medium', 'high', 'hd']), audio: pick(['low', 'medium', 'high']) },
    metadata: { deviceType: pick(['desktop', 'mobile', 'tablet']), browser: pick(['Chrome', 'Firefox', 'Safari', 'Edge']), os: pick(['Windows', 'macOS', 'Linux', 'iOS', 'Android']), networkType: pick(['wifi', 'ethernet', '4g', '5g']) },
  });
}
fakeCalls.sort((a, b) => b.start - a.start);
for (const call of fakeCalls) call.id = oid(counter++);

// §3.2: captured from one real run; userIds 43c1–43ca are users 7–16, whatever the names say.
const fakeRequests = [
  [0x43c1, 'john_doe', 'john.doe@example.com', 0x43d7, 'register_interest', 'pending', '2024-01-15T10:30:00.000Z', null, { message: 'I love traveling and would like to join this group to share experiences!' }],
  [0x43c2, 'jane_smith', 'jane.smith@example.com', 0x43d6, 'request_invite', 'approved', '2024-01-14T14:20:00.000Z', '2024-01-15T09:15:00.000Z', { reason: 'Great profile and interests align with group goals' }],
  [0x43c3, 'mike_wilson', 'mike.wilson@example.com', 0x43d5, 'register_interest', 'rejected', '2024-01-13T16:45:00.000Z', '2024-01-14T11:30:00.000Z', { reason: 'Group is currently at capacity' }],
  [0x43c4, 'sarah_jones', 'sarah.jones@example.com', 0x43d4, 'register_interest', 'pending', '2024-01-12T12:15:00.000Z', null, { message: 'I am a professional photographer and would love to share tips and learn from others.' }],
  [0x43c5, 'alex_brown', 'alex.brown@example.com', 0x43d3, 'request_invite', 'pending', '2024-01-11T20:30:00.000Z', null, { message: 'Music is my passion! I play guitar and piano, would love to connect with fellow musicians.' }],
  [0x43c6, 'emma_davis', 'emma.davis@example.com', 0x43d2, 'register_interest', 'approved', '2024-01-10T18:00:00.000Z', '2024-01-11T10:45:00.000Z', {}],
  [0x43c7, 'david_miller', 'david.miller@example.com', 0x43d1, 'register_interest', 'pending', '2024-01-09T15:20:00.000Z', null, { message: 'Software developer with 5 years experience, interested in latest tech trends and discussions.' }],
  [0x43c8, 'lisa_taylor', 'lisa.taylor@example.com', 0x43da, 'request_invite', 'rejected', '2024-01-08T11:30:00.000Z', '2024-01-09T09:00:00.000Z', { reason: 'VIP membership requires special approval process' }],
  [0x43c9, 'tom_anderson', 'tom.anderson@example.com', 0x43d0, 'register_interest', 'pending', '2024-01-07T13:45:00.000Z', null, { message: 'New to the platform, looking forward to engaging discussions with the community.' }],
  [0x43ca, 'rachel_green', 'rachel.green@example.com', 0x43dd, 'request_invite', 'approved', '2024-01-06T16:15:00.000Z', '2024-01-07T08:30:00.000Z', { reason: 'Employee verification completed' }],
].map(([user, username, userEmail, group, requestType, status, requestedAt, reviewedAt, text], index) => ({
  user, username, userEmail, group, requestType, status, requestedAt, reviewedAt, ...text, id: oid(counter + index),
}));
counter += fakeRequests.length;

// Verbatim shapes: what the old seed-database.ts inserts (§3.2, §3.5).
write('fake-data', 'users.json', fakeUsers.map((u) => ({
  _id: u.id, username: u.username, email: u.email, password: HASHES.password123, _plainPassword: 'password123',
  firstName: u.firstName, lastName: u.lastName, avatarUrl: u.avatarUrl, roles: u.roles, isActive: u.isActive,
  lastLoginAt: date(u.lastLoginAt), createdAt: date(u.createdAt), updatedAt: date(REFERENCE_NOW),
})));
write('fake-data', 'groups.json', fakeGroups.map((g) => ({
  _id: g.id, name: g.name, description: g.description, category: g.category, members: g.members.map((m) => fakeUsers[m].id),
  channels: [], createdBy: fakeUsers[g.by].id, isPrivate: g.isPrivate, maxMembers: g.maxMembers, tags: g.tags,
  settings: g.settings, createdAt: date(g.createdAt), updatedAt: date(REFERENCE_NOW),
})));
const flags = ([a, b, c, d]) => [!!a, !!b, !!c, !!d];
write('fake-data', 'channels.json', fakeChannels.map((c) => {
  const [canSendMessages, canSendMedia, canCreateThreads, canMentionEveryone] = flags(c.permissions);
  const [slowMode, requireApproval, allowReactions, allowPolls] = c.settings;
  return {
    _id: c.id, name: c.name, description: c.description, groupId: c.group.id, createdBy: fakeUsers[c.group.by].id,
    isPrivate: c.isPrivate, isVoiceChannel: c.isVoiceChannel, maxMembers: c.maxMembers,
    permissions: { canSendMessages, canSendMedia, canCreateThreads, canMentionEveryone },
    settings: { slowMode, requireApproval: !!requireApproval, allowReactions: !!allowReactions, allowPolls: !!allowPolls },
    lastMessageAt: date(c.lastMessageAt), messageCount: c.messageCount, createdAt: date(c.group.createdAt), updatedAt: date(REFERENCE_NOW),
  };
}));
write('fake-data', 'messages.json', fakeMessages.map((m) => ({
  _id: m.id, channelId: m.channel.id, userId: m.sender.id, username: m.sender.username, text: m.text,
  ...(m.imageUrl ? { imageUrl: m.imageUrl } : {}), ...(m.fileUrl ? { fileUrl: m.fileUrl } : {}),
  type: m.type, createdAt: date(m.createdAt), updatedAt: date(REFERENCE_NOW),
})));
write('fake-data', 'videoCalls.json', fakeCalls.map((c) => {
  const started = c.status === 'accepted' || c.status === 'ended';
  const end = c.duration ? c.start + c.duration * 1000 : undefined;
  return {
    _id: c.id, callId: c.callId, initiatorId: c.initiator.id, recipientId: c.recipient.id, channelId: c.channel.id, status: c.status,
    ...(started ? { startTime: date(c.start) } : {}), ...(end ? { endTime: date(end), duration: c.duration } : {}),
    quality: c.quality,
    participants: [c.initiator, c.recipient].map((u) => ({ userId: u.id, joinedAt: date(c.start), leftAt: end ? date(end) : null, isMuted: false, isVideoEnabled: true })),
    metadata: c.metadata, createdAt: date(c.start), updatedAt: date(end ?? c.start),
  };
}));
write('fake-data', 'groupRequests.json', fakeRequests.map((r) => ({
  userId: oid(r.user), username: r.username, userEmail: r.userEmail, groupId: oid(r.group),
  groupName: fakeGroups[r.group - 0x43d0].name, requestType: r.requestType, status: r.status,
  requestedAt: { $date: r.requestedAt }, ...(r.reviewedAt ? { reviewedAt: { $date: r.reviewedAt }, reviewedBy: oid(0x43ba), reviewerName: 'admin' } : {}),
  ...(r.message ? { message: r.message } : {}), ...(r.reason ? { reason: r.reason } : {}),
  _note: 'verbatim: userId is user ' + (r.user - 0x43ba) + ' (' + fakeUsers[r.user - 0x43ba].username + '), not ' + r.username,
})));

// The same records on Parley's models (§3.5). Every group's creator is one of its admins (Beta
// Testers' creator is added as its admin); private channels are readable by their members.
const modelUser = (u, password, extra = {}) => ({
  _key: u.key ?? u.username, _id: u.id, username: u.username, email: u.email, _plainPassword: password, password: HASHES[password],
  roles: u.roles, isActive: u.isActive, createdAt: date(u.createdAt), updatedAt: date(u.updatedAt ?? REFERENCE_NOW),
  lastLogin: u.lastLoginAt ? date(u.lastLoginAt) : null, avatar: u.avatarUrl ?? null, bio: null, phone: null, address: null, ...extra,
});
const modelMembers = (group, adminIndexes, memberIndexes, users) => {
  const all = [...new Set([...adminIndexes, ...memberIndexes])];
  return all.map((m) => ({ userId: users[m].id, username: users[m].username, role: adminIndexes.includes(m) ? 'admin' : 'member', joinedAt: date(group.createdAt) }));
};
write('fake-data.model', 'users.json', fakeUsers.map((u) => modelUser(u, 'password123')));
const fakeModelGroups = fakeGroups.map((g) => {
  const members = modelMembers(g, [g.by], g.members, fakeUsers);
  return {
    _key: g.key, _id: g.id, name: g.name, description: g.description, category: g.category, status: 'active', isPrivate: g.isPrivate,
    isActive: true, maxMembers: g.maxMembers, tags: g.tags, createdBy: fakeUsers[g.by].id, createdAt: date(g.createdAt), updatedAt: date(REFERENCE_NOW),
    members, admins: [fakeUsers[g.by].id],
  };
});
write('fake-data.model', 'groups.json', fakeModelGroups);
write('fake-data.model', 'channels.json', fakeChannels.map((c) => {
  const group = fakeModelGroups[c.group.index];
  const [slowMode, requireApproval, allowReactions, allowPolls] = c.settings;
  const members = c.name === 'admin-only' ? [fakeUsers[c.group.by].id] : group.members.map((m) => m.userId);
  return {
    _key: c.key, _id: c.id, groupId: c.group.id, name: c.name, description: c.description, type: c.isVoiceChannel ? 'voice' : 'text',
    isPrivate: c.isPrivate, isActive: true, maxMembers: c.maxMembers,
    settings: { slowMode, requireApproval: !!requireApproval, allowReactions: !!allowReactions, allowPolls: !!allowPolls },
    members, admins: [fakeUsers[c.group.by].id], createdBy: fakeUsers[c.group.by].id, createdAt: date(c.group.createdAt), updatedAt: date(REFERENCE_NOW),
  };
}));
write('fake-data.model', 'messages.json', fakeMessages.map((m) => ({
  _id: m.id, channelId: m.channel.id, groupId: m.channel.group.id, userId: m.sender.id, username: m.sender.username, text: m.text,
  type: m.type, imageUrl: m.imageUrl ?? null, fileUrl: m.fileUrl ?? null, replyTo: null, createdAt: date(m.createdAt), updatedAt: date(REFERENCE_NOW),
})));
const callModel = (c, users) => ({
  _id: c.id, callerId: c.initiator.id, callerName: c.initiator.username, receiverId: c.recipient.id, receiverName: c.recipient.username,
  channelId: c.channel?.id ?? null, status: c.status === 'initiated' ? 'calling' : c.status, callType: 'video',
  startTime: date(c.start), endTime: c.duration ? date(c.start + c.duration * 1000) : null, duration: c.duration ?? null,
  createdAt: date(c.start), updatedAt: date(c.duration ? c.start + c.duration * 1000 : c.start),
});
write('fake-data.model', 'videoCalls.json', fakeCalls.map((c) => callModel(c)));
// Normalised: the user is the one the id names (the verbatim names do not match the ids).
write('fake-data.model', 'groupRequests.json', fakeRequests.map((r) => {
  const user = fakeUsers[r.user - 0x43ba];
  const group = fakeGroups[r.group - 0x43d0];
  return {
    _key: `${user.username}->${group.key}`, _id: r.id, userId: user.id, username: user.username, userEmail: user.email, groupId: group.id,
    groupName: group.name, requestType: r.requestType, status: r.status, message: r.message ?? null, reason: r.reason ?? null,
    requestedAt: { $date: r.requestedAt }, reviewedAt: r.reviewedAt ? { $date: r.reviewedAt } : null,
    reviewedBy: r.reviewedAt ? oid(0x43ba) : null, reviewerName: r.reviewedAt ? 'admin' : null,
  };
}));

// ---------------------------------------------------------------- startup (§3.4)
// The old server's DatabaseSeeder world, on Parley's models, from counter 0x5000.
let startup = 0x5000;
const at = (text) => Date.parse(text);
const startupUsers = [
  ['super', 'super@example.com', ['super_admin'], 'System super administrator', '+1-555-0100', '1 Admin Way, Springfield'],
  ['admin', 'admin@example.com', ['group_admin'], 'Group administrator', '+1-555-0101', '2 Admin Way, Springfield'],
  ['user1', 'user1@example.com', ['user'], 'Backend developer', '+1-555-0102', '10 Main Street, Springfield'],
  ['user2', 'user2@example.com', ['user'], 'Product designer', '+1-555-0103', '11 Main Street, Springfield'],
  ['user3', 'user3@example.com', ['user'], 'Marketing lead', '+1-555-0104', '12 Main Street, Springfield'],
].map(([username, email, roles, bio, phone, address]) => ({
  username, email, roles, isActive: true, id: oid(startup++), createdAt: at('2025-10-01T09:00:00.000Z'),
  updatedAt: at('2025-10-01T09:00:00.000Z'), avatarUrl: `https://via.placeholder.com/150?text=${username}`, bio, phone, address,
}));
const su = Object.fromEntries(startupUsers.map((u, i) => [u.username, i]));
write('startup', 'users.json', startupUsers.map((u) => modelUser(u, '123', { bio: u.bio, phone: u.phone, address: u.address })));

const startupGroups = [
  ['development', 'Development Team', 'Software development team', 'technology', ['super', 'admin'], ['user1'], false],
  ['design', 'Design Team', 'UI/UX design team', 'design', ['admin'], ['user2'], false],
  ['marketing', 'Marketing Team', 'Marketing and growth team', 'marketing', ['user3'], [], true],
].map(([key, name, description, category, admins, members, isPrivate]) => ({
  key, name, description, category, isPrivate, id: oid(startup++), createdAt: at('2025-10-01T10:00:00.000Z'),
  admins: admins.map((n) => su[n]), members: members.map((n) => su[n]),
}));
const startupModelGroups = startupGroups.map((g) => ({
  _key: g.key, _id: g.id, name: g.name, description: g.description, category: g.category, status: 'active', isPrivate: g.isPrivate,
  isActive: true, maxMembers: null, tags: null, createdBy: startupUsers[g.admins[0]].id, createdAt: date(g.createdAt), updatedAt: date(g.createdAt),
  members: modelMembers(g, g.admins, g.members, startupUsers), admins: g.admins.map((a) => startupUsers[a].id),
}));
write('startup', 'groups.json', startupModelGroups);

// The old seeder's five channels, plus the `general` channel Parley gives every group (Design
// and Marketing had none).
const startupChannels = [
  ['development', 'general', 'General discussion for the development team', false],
  ['development', 'backend', 'Backend development discussions', false],
  ['development', 'frontend', 'Frontend development discussions', false],
  ['design', 'general', 'General discussion for the design team', false, 'added: every Parley group has a general channel'],
  ['design', 'design-feedback', 'Feedback on designs and mockups', false],
  ['marketing', 'general', 'General discussion for the marketing team', false, 'added: every Parley group has a general channel'],
  ['marketing', 'marketing-strategy', 'Marketing strategy and planning', true],
].map(([groupKey, name, description, isPrivate, note]) => {
  const group = startupModelGroups.find((g) => g._key === groupKey);
  return {
    _key: `${groupKey}-${name}`, _id: oid(startup++), groupId: group._id, name, description, type: 'text', isPrivate, isActive: true,
    maxMembers: null, members: group.members.map((m) => m.userId), admins: group.admins, createdBy: group.createdBy,
    createdAt: group.createdAt, updatedAt: group.updatedAt, ...(note ? { _note: note } : {}),
  };
});
write('startup', 'channels.json', startupChannels);

const startupMessages = [
  ['development-general', 'super', 'Welcome everyone to the Development Team! 👋'],
  ['development-general', 'admin', 'Thanks! Glad to be here. The sprint board is up to date.'],
  ['development-general', 'user1', 'Hello team! Looking forward to working with you all.'],
  ['development-backend', 'admin', 'Backend API is ready for testing!'],
  ['development-frontend', 'user1', 'The frontend now talks to the new API endpoints.'],
  ['design-design-feedback', 'admin', 'Please share your feedback on the new mockups.'],
  ['design-design-feedback', 'user2', 'The new colour palette looks great!'],
].map(([channelKey, username, text], index) => {
  const channel = startupChannels.find((c) => c._key === channelKey);
  const user = startupUsers[su[username]];
  const created = at('2025-10-03T10:00:00.000Z') + index * 5 * MINUTE;
  return {
    _key: `${channelKey}-${index + 1}`, _id: oid(startup++), channelId: channel._id, groupId: channel.groupId, userId: user.id,
    username, text, type: 'text', imageUrl: null, fileUrl: null, replyTo: null, createdAt: date(created), updatedAt: date(created),
  };
});
write('startup', 'messages.json', startupMessages);

write('startup', 'videoCalls.json', [['super', 'admin'], ['admin', 'user1']].map(([caller, receiver], index) => {
  const start = at('2025-10-02T15:00:00.000Z') + index * HOUR;
  return callModel({ id: oid(startup++), initiator: startupUsers[su[caller]], recipient: startupUsers[su[receiver]], status: 'ended', start, duration: 600 });
}));

write('startup', 'groupRequests.json', [
  ['user2', 'development', 'register_interest', 'pending', 'I would like to help with the frontend.', null],
  ['user3', 'design', 'request_invite', 'approved', 'Marketing needs to follow the design work.', 'Welcome aboard'],
].map(([username, groupKey, requestType, status, message, reason]) => {
  const user = startupUsers[su[username]];
  const group = startupModelGroups.find((g) => g._key === groupKey);
  const reviewed = status !== 'pending';
  return {
    _key: `${username}->${groupKey}`, _id: oid(startup++), userId: user.id, username, userEmail: user.email, groupId: group._id,
    groupName: group.name, requestType, status, message, reason, requestedAt: date(at('2025-10-02T09:00:00.000Z')),
    reviewedAt: reviewed ? date(at('2025-10-02T12:00:00.000Z')) : null, reviewedBy: reviewed ? startupUsers[su.admin].id : null,
    reviewerName: reviewed ? 'admin' : null,
  };
}));

console.log(`fake-data: ${fakeUsers.length} users, ${fakeGroups.length} groups, ${fakeChannels.length} channels, ${fakeMessages.length} messages, ${fakeCalls.length} calls, ${fakeRequests.length} requests; ids up to ${(counter - 1).toString(16)}`);
console.log(`startup: ${startupUsers.length} users, ${startupGroups.length} groups, ${startupChannels.length} channels, ${startupMessages.length} messages; ids 5000–${(startup - 1).toString(16)}`);
