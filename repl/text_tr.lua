-- text_tr.lua — yaşam döngüsü olaylarının Türkçe açıklamaları ve her birinin
-- dayandığı kural; anahtarlar text_en.lua ile aynı. Teknik terimler, Türkçe
-- C++ notlarında olduğu gibi İngilizce bırakıldı (coroutine, promise, handle,
-- awaiter, suspend / askıya alma, resume / devam ettirme).
return {
  ["operator new"] =
    "Frame için bellek ayrılıyor: promise türü bir operator new(size, args...) bildiriyorsa "
    .. "o, yoksa global operator new çağrılıyor [dcl.fct.def.coroutine]/9. C++'ta size; "
    .. "promise nesnesini, parametre kopyalarını ve askıya alma noktalarını aşan bütün yerel "
    .. "değişkenleri kapsar. Lua gövdeli bir coroutine'in frame'i ise yalnızca referans tutar; "
    .. "yerel değişkenleri gövdenin Lua thread'inde yaşar.",
  ["get_return_object_on_allocation_failure"] =
    "operator new nullptr döndürdü ve promise türü "
    .. "get_return_object_on_allocation_failure() bildiriyor: çağırana onun sonucu dönüyor, "
    .. "ortada bir coroutine yok [dcl.fct.def.coroutine]/10.",
  ["parameter copies"] =
    "Parametreler frame'e kopyalanıyor (ya da taşınıyor); böylece çağıranın argümanları yok "
    .. "olsa da gövde onları okuyabilir. Referanslar referans olarak kalır "
    .. "[dcl.fct.def.coroutine]/13.",
  ["promise_type"] =
    "promise nesnesi frame'in içinde oluşturuluyor: böyle bir kurucu varsa "
    .. "promise_type(args...), yoksa promise_type() [dcl.fct.def.coroutine]/5.",
  ["get_return_object"] =
    "promise.get_return_object() çağıranın alacağı değeri (bir generator, bir task...) "
    .. "oluşturuyor. initial_suspend'den önce ve bir kez çalışır; genellikle "
    .. "coroutine_handle::from_promise(*this) ile handle'ı saklar [dcl.fct.def.coroutine]/7.",
  ["initial_suspend"] =
    "co_await promise.initial_suspend(): suspend_always coroutine'i tembel (lazy) yapar, "
    .. "gövde çalışmadan kontrol çağırana döner; suspend_never ise hevesli (eager) yapar "
    .. "[dcl.fct.def.coroutine]/5.",
  ["await_transform"] =
    "promise türü await_transform bildiriyor; bu yüzden co_await e, "
    .. "co_await promise.await_transform(e) oluyor (initial, final ve yield için asla) "
    .. "[expr.await]/3.2.",
  ["operator co_await"] =
    "awaitable nesne, üye ya da üye olmayan operator co_await ile bir awaiter'a "
    .. "dönüştürülüyor [expr.await]/3.3.",
  ["await_ready"] =
    "awaiter.await_ready(): true, sonucun zaten hazır olduğu ve coroutine'in hiç askıya "
    .. "alınmayacağı anlamına gelir; false ise: askıya al [expr.await]/5.1.",
  ["suspend"] =
    "coroutine artık askıya alındı (suspend): devam noktası frame'e kaydedildi. "
    .. "await_suspend ancak bundan sonra çağrılır; bu yüzden coroutine'i devam ettirebilir "
    .. "ya da yok edebilir [expr.await]/5.1.",
  ["await_suspend"] =
    "awaiter.await_suspend(h), askıya alınan coroutine'in handle'ını alır. void döndürürse "
    .. "askıda kalır; bool döndürürse false hemen devam ettirir; bir handle döndürürse "
    .. "simetrik aktarım olur: yığın büyümeden o coroutine devam ettirilir "
    .. "[expr.await]/5.1.1-5.1.3.",
  ["resume"] = {
    ["resume()"] =
      "h.resume() coroutine'i devam ettiriyor (resume): çalışma kaydedilen devam "
      .. "noktasından, beklediği şeyin await_resume'u ile sürüyor [coroutine.handle.resumption].",
    transfer =
      "coroutine, başka bir coroutine'in await_suspend'i onun handle'ını döndürdüğü için "
      .. "çalışıyor (simetrik aktarım): devam noktasından sürer ve devam ettirenin yığını "
      .. "büyümez [expr.await]/5.1.3.",
    bool =
      "await_suspend false döndürdü: coroutine askıya alındığı yerde hemen devam ettiriliyor "
      .. "ve await_resume'a geçiyor [expr.await]/5.1.2.",
  },
  ["symmetric transfer"] =
    "await_suspend bir handle döndürdü: kontrol, bir kuyruk çağrısı gibi, yığın büyümeden "
    .. "doğrudan o coroutine'e geçiyor [expr.await]/5.1.3; noop_coroutine() ise devam "
    .. "ettirene döndürür.",
  ["return to caller"] = {
    suspended =
      "coroutine askıda kalıyor ve kontrol onu çağırana ya da devam ettirene dönüyor: "
      .. "resume() döner ya da coroutine çağrısı dönüş nesnesini döndürür [expr.await]/5.1.1.",
    noop =
      "await_suspend noop_coroutine() döndürdü: ona aktarım hiçbir şey yapmaz, kontrol "
      .. "zinciri devam ettirene döner [coroutine.noop].",
    observer =
      "coroutine, await_suspend çağrılmadan önce (bir gözlemci tarafından) devam ettirildi "
      .. "ya da yok edildi; kontrol çağırana dönüyor.",
  },
  ["await_resume"] = {
    initial =
      "İlk askıya alma noktasında awaiter.await_resume(): bundan sonra coroutine'in "
      .. "initial-await-resume-called bayrağı true; gövdeden çıkan bir istisna artık çağırana "
      .. "değil unhandled_exception'a gider [dcl.fct.def.coroutine]/5.",
    body =
      "awaiter.await_resume() co_await ifadesinin değerini verir (ya da istisna fırlatır; "
      .. "o zaman istisna co_await noktasında yükselir) [expr.await]/5.2.",
    final =
      "Son askıya alma noktasında awaiter.await_resume(): final_suspend'in awaiter'ı askıya "
      .. "almadı; coroutine sonuna akar ve durumu (state) yok edilir "
      .. "[dcl.fct.def.coroutine]/11.",
  },
  ["~awaiter"] = {
    ["co_await"] =
      "co_await ifadesinin geçici nesnesi olan awaiter, tam ifadenin sonunda yok ediliyor "
      .. "[class.temporary]/4.",
    destroy =
      "Askıdaki bir coroutine'in destroy()'u: beklediği awaiter, yarıda kalan co_await'in "
      .. "geçici nesnesi olarak önce yok ediliyor [dcl.fct.def.coroutine]/11.",
  },
  ["yield_value"] =
    "co_yield v, co_await promise.yield_value(v) demektir: promise değeri saklar, sonra "
    .. "genellikle askıya alır ki tüketici değeri okuyabilsin [expr.yield]/1.",
  ["return_value"] =
    "co_return v, promise.return_value(v)'yi çağırır; yerel değişkenler sonra yok edilir ve "
    .. "kontrol son askıya alma noktasına gider [stmt.return.coroutine]/2.",
  ["return_void"] =
    "co_return; ya da gövdenin sonuna akmak promise.return_void()'i çağırır; o yoksa sona "
    .. "akmak tanımsız davranıştır [stmt.return.coroutine]/3.",
  ["throw"] =
    "Gövdeden bir istisna kaçtı; coroutine'in örtük try bloğu onu yakalıyor "
    .. "[dcl.fct.def.coroutine]/5.",
  ["unhandled_exception"] =
    "catch (...) { promise.unhandled_exception(); }: promise istisnayı saklar "
    .. "(std::current_exception()) ya da devam ettirene yeniden fırlatır; fırlatırsa "
    .. "coroutine final_suspend olmadan biter [dcl.fct.def.coroutine]/5.",
  ["final_suspend"] =
    "co_await promise.final_suspend() (noexcept). Burada askıya almak frame'i korur: done() "
    .. "true olur ve sonuç okunabilir; askıya almamak frame'i yok eder "
    .. "[dcl.fct.def.coroutine]/5, /11.",
  ["destroy"] =
    "h.destroy(): coroutine askıda olduğu noktada yok ediliyor: bekleyen awaiter, en içtekinden "
    .. "başlayarak yerel değişkenler, promise, parametre kopyaları, sonra frame "
    .. "[coroutine.handle.resumption], [dcl.fct.def.coroutine]/11.",
  ["~locals"] = {
    ["co_return"] =
      "co_return'den sonra gövdenin yerel değişkenleri, en içtekinden başlayarak, son askıya "
      .. "alma noktasından önce yok ediliyor [stmt.return.coroutine], [stmt.jump]/2.",
    unwinding =
      "Bir istisna gövdeden çıkıyor: yığın örtük catch'e doğru çözülürken yerel değişkenler, "
      .. "en içtekinden başlayarak yok ediliyor [except.ctor]/2.",
    ["flowed off"] =
      "Gövde sonuna aktı: yerel değişkenler en içtekinden başlayarak yok ediliyor, sonra "
      .. "return_void() çağrılıyor [stmt.return.coroutine]/3.",
    destroy =
      "Askıdaki bir coroutine'in destroy()'u: askıya alma noktasında yaşayan yerel "
      .. "değişkenler, en içtekinden başlayarak yok ediliyor [dcl.fct.def.coroutine]/11, "
      .. "[stmt.jump]/2.",
  },
  ["~promise_type"] =
    "promise nesnesi yok ediliyor: yerel değişkenlerden sonra, parametre kopyalarından önce "
    .. "[dcl.fct.def.coroutine]/11.",
  ["~parameters"] =
    "Frame'deki parametre kopyaları, promise'ten hemen sonra yok ediliyor "
    .. "[dcl.fct.def.coroutine]/14.",
  ["~return object"] =
    "İlk await_resume'dan önce bir istisna: get_return_object'in zaten oluşturduğu dönüş "
    .. "nesnesi yok ediliyor ve istisna çağırana gidiyor [dcl.fct.def.coroutine]/5.",
  ["convert return object"] =
    "get_return_object'in sonucu dönüş türü değil: kontrol çağırana ilk döndüğünde "
    .. "dönüştürülüyor [dcl.fct.def.coroutine]/7.",
  ["operator delete"] =
    "Frame'in belleği geri veriliyor: bildirilmişse promise türünün operator delete'i, "
    .. "yoksa global olanı [dcl.fct.def.coroutine]/12.",
  ["misuse"] =
    "C++'ta tanımsız davranış ya da hatalı program (çalışan ya da bitmiş bir coroutine'i "
    .. "devam ettirmek, iki kez destroy, eksik bir promise üyesi...). corolab bunu durdurur "
    .. "ve kuralı söyler.",
}
