import {notFound, ok} from '../http/replies.js';
import type {RequestContext, Router} from '../http/router.js';
import type {StoredAddress, StoredUser} from './account-model.js';
import type {AccountStore} from './account-store.js';
import type {Sessions} from './sessions.js';

// /core/v4/users, /core/v4/keys/salts, /core/v4/addresses, public-key lookup (auth.md §2.8–2.10).

export interface CoreRoutesDeps {
	store: AccountStore;
	sessions: Sessions;
	publicKeysForEmail(email: string): string[];
}

export function registerCoreRoutes(router: Router, deps: CoreRoutesDeps): void {
	const {store, sessions} = deps;
	const userOf = (ctx: RequestContext, scope?: string) => {
		const {userId} = sessions.authenticate(ctx, scope);
		const user = store.users.get(userId);
		if (!user) throw notFound('User does not exist');
		return user;
	};

	router.get('/core/v4/users', (ctx) => ok({User: userJson(userOf(ctx))}));

	router.get('/core/v4/keys/salts', (ctx) => {
		const user = userOf(ctx, 'locked');
		return ok({KeySalts: [{ID: user.userKey.id, KeySalt: user.userKey.keySalt}]});
	});

	router.get('/core/v4/addresses', (ctx) => {
		const user = userOf(ctx);
		return ok({
			Addresses: user.addresses.map((a, i) => addressJson(a, i)),
			Total: user.addresses.length,
		});
	});

	router.get('/core/v4/addresses/:id', (ctx) => {
		const user = userOf(ctx);
		const index = user.addresses.findIndex((a) => a.id === ctx.params.id);
		if (index === -1) throw notFound('Address does not exist');
		return ok({Address: addressJson(user.addresses[index]!, index)});
	});

	// Public keys of any Proton address. Shape (emulator's simplification of the real call):
	// `{Code: 1000, Address: {Keys: [{PublicKey, Flags}]}, Unverified: null, ProtonMX: bool, IsProton: 0|1}`;
	// unknown or external email: `Address.Keys` is empty and `IsProton` 0.
	router.get('/core/v4/keys/all', (ctx) => {
		sessions.authenticate(ctx);
		const keys = deps.publicKeysForEmail(ctx.query.get('Email') ?? '');
		return ok({
			Address: {
				Keys: keys.map((PublicKey, i) => ({PublicKey, Flags: 3, Primary: i === 0 ? 1 : 0})),
			},
			Unverified: null,
			ProtonMX: keys.length > 0,
			IsProton: keys.length > 0 ? 1 : 0,
		});
	});

	// Older lookup: `{Code, RecipientType: 1 internal | 2 external, Keys: [{PublicKey, Flags}]}`.
	router.get('/core/v4/keys', (ctx) => {
		sessions.authenticate(ctx);
		const keys = deps.publicKeysForEmail(ctx.query.get('Email') ?? '');
		return ok({
			RecipientType: keys.length > 0 ? 1 : 2,
			Keys: keys.map((PublicKey) => ({PublicKey, Flags: 3})),
		});
	});
}

function userJson(user: StoredUser) {
	const primary = user.addresses[0];
	return {
		ID: user.id,
		Name: user.username,
		DisplayName: user.displayName,
		Email: primary?.email ?? '',
		Keys: [
			{ID: user.userKey.id, Version: 3, PrivateKey: user.userKey.privateKey, Primary: 1, Active: 1},
		],
		UsedSpace: 0,
		MaxSpace: 5 * 1024 ** 3,
		MaxUpload: 25 * 1024 ** 3,
		Type: 1,
		Role: 1,
		Private: 1,
		Subscribed: 0,
		Services: 1,
		Delinquent: 0,
		Credit: 0,
		Currency: 'EUR',
		CreateTime: Math.floor(user.createTime / 1000),
		Flags: {},
	};
}

function addressJson(address: StoredAddress, index: number) {
	return {
		ID: address.id,
		DomainID: 'emulator-domain',
		Email: address.email,
		Send: 1,
		Receive: 1,
		Status: 1,
		Type: 1,
		Order: index + 1,
		Priority: index + 1,
		DisplayName: address.email.split('@')[0],
		Signature: '',
		HasKeys: 1,
		Keys: address.keys.map((k) => ({
			ID: k.id,
			Version: 3,
			PrivateKey: k.privateKey,
			Token: k.token,
			Signature: k.signature,
			Activation: null,
			Primary: k.primary,
			Active: 1,
			Flags: k.flags,
		})),
		SignedKeyList: null,
		CatchAll: false,
		ProtonMX: true,
		ConfirmationState: 1,
		Permissions: 0,
	};
}
