// The request pipeline of the simulated API server, in kube-apiserver's order:
// decode checks → defaulting → mutating admission → the registry strategy's preparation →
// validation → validating admission (quota). Errors carry the real Status shape and text.
import type { KubeObject, StoredObject } from "../api/types";
import type { ApiHooks, ApiServer } from "./server";
import { ApiError, badRequest, forbidden } from "./errors";
import { allocateServiceAddresses, limitRanger, namespaceLifecycle, resourceQuota } from "./admission";
import { applyDefaults, applyDefaultTolerationSeconds, applyPriorityAdmission, applyServiceAccountAdmission, prepareForCreate, prepareForUpdate } from "./defaults";
import { decodeError, invalidStatusFor, validateCreate, validateUpdate, type FieldError, type Obj } from "./validation";

/** Raises field errors as the 422 Invalid Status the real server returns. */
export function throwInvalid(obj: KubeObject, errors: readonly FieldError[]): never {
  const status = invalidStatusFor(obj as Obj, errors);
  throw new ApiError(422, "Invalid", status.message, status.details);
}

function checkDecode(obj: KubeObject) {
  const problem = decodeError(obj as Obj);
  if (problem) throw badRequest(problem);
}

/** The pipeline; randomness (generated names, IPs, ports) comes from the server's seeded PRNG. */
export function apiHooks(): ApiHooks {
  return {
    create(input, api) {
      checkDecode(input);
      const info = api.infoFor(input);
      let obj = applyDefaults(input as Obj) as KubeObject;
      namespaceLifecycle(info, obj, api);
      if (info.kind === "Pod") {
        const priority = applyPriorityAdmission(obj as Obj);
        if ("forbidden" in priority) throw forbidden(info, obj.metadata.name ?? "", priority.forbidden);
        obj = priority.pod as KubeObject;
        obj = applyServiceAccountAdmission(obj as Obj, api.random) as KubeObject;
        obj = applyDefaultTolerationSeconds(obj as Obj) as KubeObject;
        obj = limitRanger(obj, api);
      }
      obj = prepareForCreate(obj as Obj) as KubeObject;
      if (info.kind === "Service") obj = allocateServiceAddresses(obj, undefined, api, api.random);
      const errors = validateCreate(obj);
      if (errors.length) throwInvalid(obj, errors);
      resourceQuota(info, obj, api);
      return obj;
    },
    update(input, old: StoredObject, api: ApiServer) {
      checkDecode(input);
      const info = api.infoFor(input);
      let obj = applyDefaults(input as Obj) as KubeObject;
      obj = prepareForUpdate(obj as Obj, old as Obj) as KubeObject;
      if (info.kind === "Service") obj = allocateServiceAddresses(obj, old, api, api.random);
      const errors = validateUpdate(obj, old);
      if (errors.length) throwInvalid(obj, errors);
      return obj;
    },
  };
}

