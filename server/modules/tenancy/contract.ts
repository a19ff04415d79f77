import { z } from 'zod';

export const StaffRoleSchema = z.enum(['owner', 'manager', 'staff']);

export const StaffLoginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  /** the store to act in; the first store of the staff member when omitted */
  storeId: z.uuid().optional(),
});

export const StoreSummary = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: StaffRoleSchema });

export const StaffMe = z.object({
  kind: z.literal('staff'),
  staffId: z.uuid(),
  name: z.string(),
  role: StaffRoleSchema,
  orgId: z.uuid(),
  store: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  stores: z.array(StoreSummary),
});
export type StaffMe = z.infer<typeof StaffMe>;

export const CreateStaffBody = z.object({
  login: z.string().trim().min(3).max(64).regex(/^[a-zA-Z0-9_.-]+$/),
  name: z.string().trim().min(1).max(40),
  password: z.string().min(8).max(200),
  role: z.enum(['manager', 'staff']),
});

export const StaffMember = z.object({ id: z.uuid(), login: z.string(), name: z.string(), role: StaffRoleSchema, active: z.boolean() });
