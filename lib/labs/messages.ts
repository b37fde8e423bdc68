// What a failing check tells the learner, in every course language. Templates use ICU message
// syntax ({arg}, {n, plural, ...}, {x, select, ...}); object names, fields and values stay as
// the tools print them.
import type { Locale } from "@/lib/i18n/locales";

export const MESSAGES = {
  en: {
    passed: "All checks pass.",
    none: "none",
    objectMissing: "{kind} {ref} does not exist.",
    noMatch: "No {kind} matches {ref}.",
    tooFew: "{kind} {ref}: {actual, plural, one {# object matches} other {# objects match}}, expected at least {expected}.",
    objectPresent: "{kind} {ref} still exists; it should be gone.",
    fieldMismatch: "{kind} {ref}: {path} is {actual}, expected {expected}.",
    fieldUnset: "{kind} {ref}: {path} is not set, expected {expected}.",
    fieldNotContains: "{kind} {ref}: {path} is {actual}, expected it to contain {expected}.",
    fieldNotMatches: "{kind} {ref}: {path} is {actual}, expected it to match {expected}.",
    fieldMissing: "{kind} {ref}: {path} is not set.",
    fieldPresent: "{kind} {ref}: {path} is set ({actual}), expected it to be unset.",
    condition: "{kind} {ref}: condition {condition} is {actual}, expected {expected}.",
    replicasShort: "{kind} {ref}: {ready} of {desired, plural, one {# replica} other {# replicas}} ready.",
    replicasExcess: "{kind} {ref}: {ready, plural, one {# replica} other {# replicas}} ready, expected {desired}.",
    rolloutPending: "{kind} {ref}: {updated} of {desired, plural, one {# replica} other {# replicas}} run the current template.",
    endpoints: "Service {ref}: {actual, plural, =0 {no ready endpoints} one {# ready endpoint} other {# ready endpoints}}, expected {expected}.",
    endpointsMin: "Service {ref}: {actual, plural, =0 {no ready endpoints} one {# ready endpoint} other {# ready endpoints}}, expected at least {expected}.",
    podNotScheduled: "Pod {ref} is not scheduled to any node.",
    podScheduled: "Pod {ref} is scheduled to {actual}, expected it to stay Pending.",
    podNode: "Pod {ref} runs on {actual}, expected {expected}.",
    podNotNode: "Pod {ref} runs on {actual}, expected any node but {expected}.",
    nodeCondition: "Node {node}: condition {condition} is {actual}, expected {expected}.",
    taintMissing: "Node {node} has no taint {taint}.",
    taintPresent: "Node {node} still has the taint {taint}.",
    hostMissing: "There is no machine called {host}.",
    noDocker: "{host} has no Docker Engine.",
    networkMissing: "Docker network {name} on {host} does not exist.",
    networkPresent: "Docker network {name} on {host} still exists.",
    networkField: "Docker network {name} on {host}: {field} is {actual}, expected {expected}.",
    containerMissing: "Docker container {name} on {host} does not exist.",
    containerPresent: "Docker container {name} on {host} still exists.",
    containerNotRunning: "Docker container {name} on {host} is not running ({actual}).",
    containerRunning: "Docker container {name} on {host} is running, expected it to be stopped.",
    containerField: "Docker container {name} on {host}: {field} is {actual}, expected {expected}.",
    containerNotOnNetwork: "Docker container {name} on {host} is not attached to network {network}.",
    etcdDown: "etcd cannot serve reads: no member is running.",
    etcdKeyMissing: "etcd key {key} does not exist.",
    etcdKeyPresent: "etcd key {key} still exists.",
    etcdValue: "etcd key {key}: value is {actual}, expected {expected}.",
    etcdValueMatch: "etcd key {key}: value is {actual}, expected it to match {expected}.",
    etcdHistory: "etcd key {key}: its history does not reach {back, plural, one {# revision} other {# revisions}} back.",
    etcdCompare: "etcd key {key}: {field} is {actual}, expected {op} {expected}.",
    etcdNoLease: "etcd key {key} is not attached to a lease.",
    etcdLeaseTtl: "etcd key {key}: its lease was granted {actual} s, expected at most {expected} s.",
    etcdCompaction: "etcd is compacted up to revision {actual}, expected at least {expected}.",
    etcdMember: "etcd member {member} is {actual, select, started {started} other {stopped}}, expected {expected, select, started {started} other {stopped}}.",
    etcdMemberMissing: "etcd has no member called {member}.",
    etcdNoLeader: "etcd has no leader (quorum is lost).",
    etcdHasLeader: "etcd still has a leader ({leader}); expected quorum to be lost.",
    unitMissing: "{host}: there is no unit {unit}.service.",
    unitState: "{host}: {unit}.service is {actual}, expected {expected}.",
    fileMissing: "{host}: file {path} does not exist.",
    filePresent: "{host}: file {path} still exists.",
    fileNotContains: "{host}: {path} does not contain {expected}.",
    fileNotMatches: "{host}: {path} does not match {expected}.",
    fileNotEquals: "{host}: {path} contains {actual}, expected {expected}.",
    httpFailed: "HTTP request from {from} to {url} failed: {reason}.",
    httpStatus: "HTTP request from {from} to {url}: status {actual}, expected {expected}.",
    httpBody: "HTTP request from {from} to {url}: the response does not contain {expected}.",
    customUnknown: "Unknown custom check {name}.",
    leaderFile: "{host}: {path} names {actual}, but the etcd leader is {expected}.",
    distinctPods: "{actual, plural, =0 {No answers came} one {Answers came from # pod} other {Answers came from # pods}} of Service {ref}, expected {expected}.",
    notAPod: "{host}: {path} names {actual}, which is not a deleted pod of Deployment {ref}.",
  },
  tr: {
    passed: "Tüm kontroller geçti.",
    none: "yok",
    objectMissing: "{kind} {ref} mevcut değil.",
    noMatch: "{ref} ile eşleşen {kind} yok.",
    tooFew: "{kind} {ref}: {actual, plural, one {# nesne eşleşiyor} other {# nesne eşleşiyor}}, en az {expected} bekleniyordu.",
    objectPresent: "{kind} {ref} hâlâ mevcut; silinmiş olmalıydı.",
    fieldMismatch: "{kind} {ref}: {path} değeri {actual}, beklenen {expected}.",
    fieldUnset: "{kind} {ref}: {path} ayarlanmamış, beklenen {expected}.",
    fieldNotContains: "{kind} {ref}: {path} değeri {actual}; {expected} içermesi bekleniyordu.",
    fieldNotMatches: "{kind} {ref}: {path} değeri {actual}; {expected} ifadesiyle eşleşmesi bekleniyordu.",
    fieldMissing: "{kind} {ref}: {path} ayarlanmamış.",
    fieldPresent: "{kind} {ref}: {path} ayarlı ({actual}); ayarlanmamış olması bekleniyordu.",
    condition: "{kind} {ref}: {condition} koşulu {actual}, beklenen {expected}.",
    replicasShort: "{kind} {ref}: {desired, plural, one {# replikadan} other {# replikadan}} {ready} tanesi hazır.",
    replicasExcess: "{kind} {ref}: {ready, plural, one {# replika hazır} other {# replika hazır}}, beklenen {desired}.",
    rolloutPending: "{kind} {ref}: {desired, plural, one {# replikadan} other {# replikadan}} {updated} tanesi güncel şablonla çalışıyor.",
    endpoints: "Service {ref}: {actual, plural, =0 {hazır endpoint yok} one {# hazır endpoint var} other {# hazır endpoint var}}, beklenen {expected}.",
    endpointsMin: "Service {ref}: {actual, plural, =0 {hazır endpoint yok} one {# hazır endpoint var} other {# hazır endpoint var}}, en az {expected} bekleniyordu.",
    podNotScheduled: "Pod {ref} hiçbir node'a yerleştirilmedi.",
    podScheduled: "Pod {ref} {actual} node'una yerleştirildi; Pending kalması bekleniyordu.",
    podNode: "Pod {ref} {actual} üzerinde çalışıyor, beklenen {expected}.",
    podNotNode: "Pod {ref} {actual} üzerinde çalışıyor; {expected} dışında bir node bekleniyordu.",
    nodeCondition: "Node {node}: {condition} koşulu {actual}, beklenen {expected}.",
    taintMissing: "Node {node} üzerinde {taint} taint'i yok.",
    taintPresent: "Node {node} üzerinde {taint} taint'i hâlâ var.",
    hostMissing: "{host} adında bir makine yok.",
    noDocker: "{host} üzerinde Docker Engine yok.",
    networkMissing: "{host} üzerinde {name} adlı Docker ağı yok.",
    networkPresent: "{host} üzerinde {name} adlı Docker ağı hâlâ var.",
    networkField: "{host} üzerindeki {name} Docker ağı: {field} değeri {actual}, beklenen {expected}.",
    containerMissing: "{host} üzerinde {name} adlı Docker konteyneri yok.",
    containerPresent: "{host} üzerinde {name} adlı Docker konteyneri hâlâ var.",
    containerNotRunning: "{host} üzerindeki {name} Docker konteyneri çalışmıyor ({actual}).",
    containerRunning: "{host} üzerindeki {name} Docker konteyneri çalışıyor; durmuş olması bekleniyordu.",
    containerField: "{host} üzerindeki {name} Docker konteyneri: {field} değeri {actual}, beklenen {expected}.",
    containerNotOnNetwork: "{host} üzerindeki {name} Docker konteyneri {network} ağına bağlı değil.",
    etcdDown: "etcd okuma isteklerine yanıt veremiyor: çalışan üye yok.",
    etcdKeyMissing: "etcd anahtarı {key} mevcut değil.",
    etcdKeyPresent: "etcd anahtarı {key} hâlâ mevcut.",
    etcdValue: "etcd anahtarı {key}: değer {actual}, beklenen {expected}.",
    etcdValueMatch: "etcd anahtarı {key}: değer {actual}; {expected} ifadesiyle eşleşmesi bekleniyordu.",
    etcdHistory: "etcd anahtarı {key}: geçmişi {back, plural, one {# revizyon} other {# revizyon}} geriye ulaşmıyor.",
    etcdCompare: "etcd anahtarı {key}: {field} değeri {actual}, beklenen {op} {expected}.",
    etcdNoLease: "etcd anahtarı {key} bir lease'e bağlı değil.",
    etcdLeaseTtl: "etcd anahtarı {key}: lease'i {actual} saniyelik verilmiş, en fazla {expected} saniye bekleniyordu.",
    etcdCompaction: "etcd {actual} revizyonuna kadar sıkıştırılmış (compaction), en az {expected} bekleniyordu.",
    etcdMember: "etcd üyesi {member} {actual, select, started {çalışıyor} other {durmuş}}; {expected, select, started {çalışıyor} other {durmuş}} olması bekleniyordu.",
    etcdMemberMissing: "etcd'de {member} adında bir üye yok.",
    etcdNoLeader: "etcd'nin lideri yok (quorum kaybedildi).",
    etcdHasLeader: "etcd'nin hâlâ bir lideri var ({leader}); quorum'un kaybedilmesi bekleniyordu.",
    unitMissing: "{host}: {unit}.service adında bir unit yok.",
    unitState: "{host}: {unit}.service durumu {actual}, beklenen {expected}.",
    fileMissing: "{host}: {path} dosyası yok.",
    filePresent: "{host}: {path} dosyası hâlâ var.",
    fileNotContains: "{host}: {path} dosyası {expected} içermiyor.",
    fileNotMatches: "{host}: {path} dosyası {expected} ifadesiyle eşleşmiyor.",
    fileNotEquals: "{host}: {path} dosyasının içeriği {actual}, beklenen {expected}.",
    httpFailed: "{from} kaynağından {url} adresine yapılan HTTP isteği başarısız: {reason}.",
    httpStatus: "{from} kaynağından {url} adresine yapılan HTTP isteği: durum kodu {actual}, beklenen {expected}.",
    httpBody: "{from} kaynağından {url} adresine yapılan HTTP isteği: yanıt {expected} içermiyor.",
    customUnknown: "Bilinmeyen özel kontrol: {name}.",
    leaderFile: "{host}: {path} dosyasında {actual} yazıyor, ama etcd lideri {expected}.",
    distinctPods: "Service {ref}: {actual, plural, =0 {hiç yanıt gelmedi} one {yanıtlar # pod'dan geldi} other {yanıtlar # pod'dan geldi}}, beklenen {expected}.",
    notAPod: "{host}: {path} dosyasında {actual} yazıyor; bu, Deployment {ref} için silinmiş bir pod değil.",
  },
  ru: {
    passed: "Все проверки пройдены.",
    none: "нет",
    objectMissing: "{kind} {ref} не существует.",
    noMatch: "Нет объектов {kind}, подходящих под {ref}.",
    tooFew: "{kind} {ref}: {actual, plural, one {подходит # объект} few {подходят # объекта} many {подходят # объектов} other {подходят # объекта}}, ожидалось не меньше {expected}.",
    objectPresent: "{kind} {ref} всё ещё существует, а должен быть удалён.",
    fieldMismatch: "{kind} {ref}: {path} равно {actual}, ожидалось {expected}.",
    fieldUnset: "{kind} {ref}: {path} не задано, ожидалось {expected}.",
    fieldNotContains: "{kind} {ref}: {path} равно {actual}, а должно содержать {expected}.",
    fieldNotMatches: "{kind} {ref}: {path} равно {actual}, а должно соответствовать {expected}.",
    fieldMissing: "{kind} {ref}: {path} не задано.",
    fieldPresent: "{kind} {ref}: {path} задано ({actual}), а должно отсутствовать.",
    condition: "{kind} {ref}: условие {condition} равно {actual}, ожидалось {expected}.",
    replicasShort: "{kind} {ref}: готово {ready} из {desired, plural, one {# реплики} few {# реплик} many {# реплик} other {# реплики}}.",
    replicasExcess: "{kind} {ref}: {ready, plural, one {готова # реплика} few {готовы # реплики} many {готово # реплик} other {готово # реплики}}, ожидалось {desired}.",
    rolloutPending: "{kind} {ref}: на текущем шаблоне работает {updated} из {desired, plural, one {# реплики} few {# реплик} many {# реплик} other {# реплики}}.",
    endpoints: "Service {ref}: {actual, plural, =0 {нет готовых endpoints} one {# готовый endpoint} few {# готовых endpoints} many {# готовых endpoints} other {# готового endpoint}}, ожидалось {expected}.",
    endpointsMin: "Service {ref}: {actual, plural, =0 {нет готовых endpoints} one {# готовый endpoint} few {# готовых endpoints} many {# готовых endpoints} other {# готового endpoint}}, ожидалось не меньше {expected}.",
    podNotScheduled: "Pod {ref} не назначен ни на один узел.",
    podScheduled: "Pod {ref} назначен на {actual}, а должен остаться в Pending.",
    podNode: "Pod {ref} работает на {actual}, ожидался {expected}.",
    podNotNode: "Pod {ref} работает на {actual}, а должен работать на любом узле, кроме {expected}.",
    nodeCondition: "Node {node}: условие {condition} равно {actual}, ожидалось {expected}.",
    taintMissing: "У узла {node} нет taint {taint}.",
    taintPresent: "У узла {node} всё ещё есть taint {taint}.",
    hostMissing: "Машины {host} нет.",
    noDocker: "На {host} нет Docker Engine.",
    networkMissing: "Docker-сети {name} на {host} нет.",
    networkPresent: "Docker-сеть {name} на {host} всё ещё существует.",
    networkField: "Docker-сеть {name} на {host}: {field} равно {actual}, ожидалось {expected}.",
    containerMissing: "Docker-контейнера {name} на {host} нет.",
    containerPresent: "Docker-контейнер {name} на {host} всё ещё существует.",
    containerNotRunning: "Docker-контейнер {name} на {host} не запущен ({actual}).",
    containerRunning: "Docker-контейнер {name} на {host} запущен, а должен быть остановлен.",
    containerField: "Docker-контейнер {name} на {host}: {field} равно {actual}, ожидалось {expected}.",
    containerNotOnNetwork: "Docker-контейнер {name} на {host} не подключён к сети {network}.",
    etcdDown: "etcd не может обслуживать чтение: ни один участник не запущен.",
    etcdKeyMissing: "Ключа etcd {key} нет.",
    etcdKeyPresent: "Ключ etcd {key} всё ещё существует.",
    etcdValue: "Ключ etcd {key}: значение {actual}, ожидалось {expected}.",
    etcdValueMatch: "Ключ etcd {key}: значение {actual}, а должно соответствовать {expected}.",
    etcdHistory: "Ключ etcd {key}: история не уходит на {back, plural, one {# ревизию} few {# ревизии} many {# ревизий} other {# ревизии}} назад.",
    etcdCompare: "Ключ etcd {key}: {field} равно {actual}, ожидалось {op} {expected}.",
    etcdNoLease: "Ключ etcd {key} не привязан к lease.",
    etcdLeaseTtl: "Ключ etcd {key}: lease выдан на {actual} с, ожидалось не больше {expected} с.",
    etcdCompaction: "etcd уплотнён (compaction) до ревизии {actual}, ожидалось не меньше {expected}.",
    etcdMember: "Участник etcd {member} {actual, select, started {запущен} other {остановлен}}, а должен быть {expected, select, started {запущен} other {остановлен}}.",
    etcdMemberMissing: "В etcd нет участника {member}.",
    etcdNoLeader: "У etcd нет лидера (кворум потерян).",
    etcdHasLeader: "У etcd всё ещё есть лидер ({leader}); ожидалась потеря кворума.",
    unitMissing: "{host}: юнита {unit}.service нет.",
    unitState: "{host}: {unit}.service в состоянии {actual}, ожидалось {expected}.",
    fileMissing: "{host}: файла {path} нет.",
    filePresent: "{host}: файл {path} всё ещё существует.",
    fileNotContains: "{host}: в файле {path} нет {expected}.",
    fileNotMatches: "{host}: файл {path} не соответствует {expected}.",
    fileNotEquals: "{host}: в файле {path} записано {actual}, ожидалось {expected}.",
    httpFailed: "HTTP-запрос с {from} на {url} не удался: {reason}.",
    httpStatus: "HTTP-запрос с {from} на {url}: статус {actual}, ожидался {expected}.",
    httpBody: "HTTP-запрос с {from} на {url}: в ответе нет {expected}.",
    customUnknown: "Неизвестная проверка {name}.",
    leaderFile: "{host}: в {path} указан {actual}, а лидер etcd — {expected}.",
    distinctPods: "Service {ref}: {actual, plural, =0 {ответов не было} one {ответы пришли от # Pod} few {ответы пришли от # Pod} many {ответы пришли от # Pod} other {ответы пришли от # Pod}}, ожидалось {expected}.",
    notAPod: "{host}: в {path} указан {actual}, но это не удалённый Pod из Deployment {ref}.",
  },
  he: {
    passed: "כל הבדיקות עברו.",
    none: "אין",
    objectMissing: "{kind} {ref} לא קיים.",
    noMatch: "אין {kind} שמתאים ל-{ref}.",
    tooFew: "{kind} {ref}: {actual, plural, one {אובייקט אחד מתאים} two {שני אובייקטים מתאימים} other {# אובייקטים מתאימים}}, ציפינו לפחות ל-{expected}.",
    objectPresent: "{kind} {ref} עדיין קיים; הוא היה אמור להימחק.",
    fieldMismatch: "{kind} {ref}: הערך של {path} הוא {actual}, ציפינו ל-{expected}.",
    fieldUnset: "{kind} {ref}: {path} לא מוגדר, ציפינו ל-{expected}.",
    fieldNotContains: "{kind} {ref}: הערך של {path} הוא {actual}, והוא אמור להכיל את {expected}.",
    fieldNotMatches: "{kind} {ref}: הערך של {path} הוא {actual}, והוא אמור להתאים ל-{expected}.",
    fieldMissing: "{kind} {ref}: {path} לא מוגדר.",
    fieldPresent: "{kind} {ref}: {path} מוגדר ({actual}), אבל הוא אמור להיות לא מוגדר.",
    condition: "{kind} {ref}: התנאי {condition} הוא {actual}, ציפינו ל-{expected}.",
    replicasShort: "{kind} {ref}: {ready} מתוך {desired, plural, one {רפליקה אחת} two {שתי רפליקות} other {# רפליקות}} מוכנות.",
    replicasExcess: "{kind} {ref}: {ready, plural, one {רפליקה אחת מוכנה} two {שתי רפליקות מוכנות} other {# רפליקות מוכנות}}, ציפינו ל-{desired}.",
    rolloutPending: "{kind} {ref}: {updated} מתוך {desired, plural, one {רפליקה אחת} two {שתי רפליקות} other {# רפליקות}} רצות עם התבנית הנוכחית.",
    endpoints: "Service {ref}: {actual, plural, =0 {אין endpoints מוכנים} one {endpoint מוכן אחד} two {שני endpoints מוכנים} other {# endpoints מוכנים}}, ציפינו ל-{expected}.",
    endpointsMin: "Service {ref}: {actual, plural, =0 {אין endpoints מוכנים} one {endpoint מוכן אחד} two {שני endpoints מוכנים} other {# endpoints מוכנים}}, ציפינו לפחות ל-{expected}.",
    podNotScheduled: "ה-Pod {ref} לא שובץ לאף node.",
    podScheduled: "ה-Pod {ref} שובץ ל-{actual}, אבל הוא אמור להישאר Pending.",
    podNode: "ה-Pod {ref} רץ על {actual}, ציפינו ל-{expected}.",
    podNotNode: "ה-Pod {ref} רץ על {actual}, אבל הוא אמור לרוץ על כל node חוץ מ-{expected}.",
    nodeCondition: "Node {node}: התנאי {condition} הוא {actual}, ציפינו ל-{expected}.",
    taintMissing: "ל-node {node} אין taint {taint}.",
    taintPresent: "ל-node {node} עדיין יש taint {taint}.",
    hostMissing: "אין מכונה בשם {host}.",
    noDocker: "על {host} אין Docker Engine.",
    networkMissing: "רשת ה-Docker {name} לא קיימת על {host}.",
    networkPresent: "רשת ה-Docker {name} עדיין קיימת על {host}.",
    networkField: "רשת ה-Docker {name} על {host}: {field} הוא {actual}, ציפינו ל-{expected}.",
    containerMissing: "קונטיינר ה-Docker {name} לא קיים על {host}.",
    containerPresent: "קונטיינר ה-Docker {name} עדיין קיים על {host}.",
    containerNotRunning: "קונטיינר ה-Docker {name} על {host} לא רץ ({actual}).",
    containerRunning: "קונטיינר ה-Docker {name} על {host} רץ, אבל הוא אמור להיות עצור.",
    containerField: "קונטיינר ה-Docker {name} על {host}: {field} הוא {actual}, ציפינו ל-{expected}.",
    containerNotOnNetwork: "קונטיינר ה-Docker {name} על {host} לא מחובר לרשת {network}.",
    etcdDown: "etcd לא יכול לענות לקריאות: אף חבר לא רץ.",
    etcdKeyMissing: "המפתח {key} לא קיים ב-etcd.",
    etcdKeyPresent: "המפתח {key} עדיין קיים ב-etcd.",
    etcdValue: "המפתח {key} ב-etcd: הערך הוא {actual}, ציפינו ל-{expected}.",
    etcdValueMatch: "המפתח {key} ב-etcd: הערך הוא {actual}, והוא אמור להתאים ל-{expected}.",
    etcdHistory: "המפתח {key} ב-etcd: ההיסטוריה שלו לא מגיעה {back, plural, one {רוויזיה אחת} two {שתי רוויזיות} other {# רוויזיות}} אחורה.",
    etcdCompare: "המפתח {key} ב-etcd: {field} הוא {actual}, ציפינו ל-{op} {expected}.",
    etcdNoLease: "המפתח {key} ב-etcd לא מחובר ל-lease.",
    etcdLeaseTtl: "המפתח {key} ב-etcd: ה-lease שלו ניתן ל-{actual} שניות, ציפינו לכל היותר ל-{expected}.",
    etcdCompaction: "ב-etcd בוצע compaction עד רוויזיה {actual}, ציפינו לפחות ל-{expected}.",
    etcdMember: "חבר ה-etcd {member} {actual, select, started {רץ} other {עצור}}, אבל הוא אמור להיות {expected, select, started {רץ} other {עצור}}.",
    etcdMemberMissing: "אין ב-etcd חבר בשם {member}.",
    etcdNoLeader: "ל-etcd אין leader (ה-quorum אבד).",
    etcdHasLeader: "ל-etcd עדיין יש leader ({leader}); ציפינו שה-quorum יאבד.",
    unitMissing: "{host}: אין unit בשם {unit}.service.",
    unitState: "{host}: המצב של {unit}.service הוא {actual}, ציפינו ל-{expected}.",
    fileMissing: "{host}: הקובץ {path} לא קיים.",
    filePresent: "{host}: הקובץ {path} עדיין קיים.",
    fileNotContains: "{host}: הקובץ {path} לא מכיל את {expected}.",
    fileNotMatches: "{host}: הקובץ {path} לא מתאים ל-{expected}.",
    fileNotEquals: "{host}: בקובץ {path} כתוב {actual}, ציפינו ל-{expected}.",
    httpFailed: "בקשת HTTP מ-{from} אל {url} נכשלה: {reason}.",
    httpStatus: "בקשת HTTP מ-{from} אל {url}: קוד הסטטוס {actual}, ציפינו ל-{expected}.",
    httpBody: "בקשת HTTP מ-{from} אל {url}: התשובה לא מכילה את {expected}.",
    customUnknown: "בדיקה מותאמת לא מוכרת: {name}.",
    leaderFile: "{host}: בקובץ {path} כתוב {actual}, אבל ה-leader של etcd הוא {expected}.",
    distinctPods: "Service {ref}: {actual, plural, =0 {לא הגיעו תשובות} one {התשובות הגיעו מ-Pod אחד} two {התשובות הגיעו משני Pods} other {התשובות הגיעו מ-# Pods}}, ציפינו ל-{expected}.",
    notAPod: "{host}: בקובץ {path} כתוב {actual}, וזה לא Pod שנמחק של ה-Deployment {ref}.",
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)["en"];
export type MessageValues = Record<string, string | number>;

/** A message to show, before it is put into a language. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

const pluralRules = new Map<string, Intl.PluralRules>();

function plural(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** Finds the index of the brace closing the one opened just before `from`. */
function closing(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

/** The `{key {text}}` branches of a plural or select argument. */
function branches(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const key = body.slice(i, open).trim();
    const end = closing(body, open + 1);
    out.set(key, body.slice(open + 1, end));
    i = end + 1;
  }
  return out;
}

/**
 * Formats the ICU subset the catalogue uses: `{arg}`, `{n, plural, =0 {..} one {..} other {..}}`
 * with `#`, and `{x, select, a {..} other {..}}`. Values are inserted as given.
 */
export function formatIcu(template: string, values: MessageValues, locale: Locale): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const end = closing(template, open + 1);
    const inner = template.slice(open + 1, end);
    const [name = "", type, ...rest] = inner.split(",");
    const arg = name.trim();
    const value = values[arg];
    if (type === undefined) {
      out += value === undefined ? `{${arg}}` : String(value);
    } else {
      const body = rest.join(",");
      const options = branches(body);
      if (type.trim() === "plural") {
        const n = Number(value);
        const chosen = options.get(`=${n}`) ?? options.get(plural(locale, n)) ?? options.get("other") ?? "";
        out += formatIcu(chosen.replace(/#/g, String(n)), values, locale);
      } else {
        const chosen = options.get(String(value)) ?? options.get("other") ?? "";
        out += formatIcu(chosen, values, locale);
      }
    }
    i = end + 1;
  }
  return out;
}

export function formatMessage(message: Message, locale: Locale): string {
  return formatIcu(MESSAGES[locale][message.key], message.values ?? {}, locale);
}
