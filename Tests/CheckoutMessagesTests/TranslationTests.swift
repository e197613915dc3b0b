import Foundation
import Testing

@testable import CheckoutMessages

/// Every shipped translation speaks its own language, with the plural forms ICU's rules select for
/// 1, 2, 5, 22 and 1.5. The expected strings were reviewed by hand for each language's grammar.
@Suite("Shipped translations")
struct TranslationTests {
    static let counted: [(locale: String, argument: String, value: String, expected: String)] = [
        ("de", "afterSeconds", "1", "Bei der Verarbeitung Ihrer Zahlung ist ein Problem aufgetreten. Bitte versuchen Sie es in 1 Sekunde erneut."),
        ("de", "afterSeconds", "2", "Bei der Verarbeitung Ihrer Zahlung ist ein Problem aufgetreten. Bitte versuchen Sie es in 2 Sekunden erneut."),
        ("de", "afterSeconds", "5", "Bei der Verarbeitung Ihrer Zahlung ist ein Problem aufgetreten. Bitte versuchen Sie es in 5 Sekunden erneut."),
        ("de", "afterSeconds", "22", "Bei der Verarbeitung Ihrer Zahlung ist ein Problem aufgetreten. Bitte versuchen Sie es in 22 Sekunden erneut."),
        ("de", "afterSeconds", "1.5", "Bei der Verarbeitung Ihrer Zahlung ist ein Problem aufgetreten. Bitte versuchen Sie es in 1,5 Sekunden erneut."),
        ("de", "attemptsLeft", "1", "Wir konnten diese Zahlung bei Ihrer Bank nicht bestätigen. Bitte versuchen Sie es erneut (noch 1 Versuch) oder verwenden Sie eine andere Karte."),
        ("de", "attemptsLeft", "2", "Wir konnten diese Zahlung bei Ihrer Bank nicht bestätigen. Bitte versuchen Sie es erneut (noch 2 Versuche) oder verwenden Sie eine andere Karte."),
        ("de", "attemptsLeft", "5", "Wir konnten diese Zahlung bei Ihrer Bank nicht bestätigen. Bitte versuchen Sie es erneut (noch 5 Versuche) oder verwenden Sie eine andere Karte."),
        ("de", "attemptsLeft", "22", "Wir konnten diese Zahlung bei Ihrer Bank nicht bestätigen. Bitte versuchen Sie es erneut (noch 22 Versuche) oder verwenden Sie eine andere Karte."),
        ("fr", "afterSeconds", "1", "Un problème est survenu lors du traitement de votre paiement. Veuillez réessayer dans 1 seconde."),
        ("fr", "afterSeconds", "2", "Un problème est survenu lors du traitement de votre paiement. Veuillez réessayer dans 2 secondes."),
        ("fr", "afterSeconds", "5", "Un problème est survenu lors du traitement de votre paiement. Veuillez réessayer dans 5 secondes."),
        ("fr", "afterSeconds", "22", "Un problème est survenu lors du traitement de votre paiement. Veuillez réessayer dans 22 secondes."),
        ("fr", "afterSeconds", "1.5", "Un problème est survenu lors du traitement de votre paiement. Veuillez réessayer dans 1,5 seconde."),
        ("fr", "attemptsLeft", "1", "Nous n’avons pas pu confirmer ce paiement auprès de votre banque. Vous pouvez encore réessayer 1 fois ou utiliser une autre carte."),
        ("fr", "attemptsLeft", "2", "Nous n’avons pas pu confirmer ce paiement auprès de votre banque. Vous pouvez encore réessayer 2 fois ou utiliser une autre carte."),
        ("fr", "attemptsLeft", "5", "Nous n’avons pas pu confirmer ce paiement auprès de votre banque. Vous pouvez encore réessayer 5 fois ou utiliser une autre carte."),
        ("fr", "attemptsLeft", "22", "Nous n’avons pas pu confirmer ce paiement auprès de votre banque. Vous pouvez encore réessayer 22 fois ou utiliser une autre carte."),
        ("es", "afterSeconds", "1", "Se ha producido un problema al procesar tu pago. Vuelve a intentarlo dentro de 1 segundo."),
        ("es", "afterSeconds", "2", "Se ha producido un problema al procesar tu pago. Vuelve a intentarlo dentro de 2 segundos."),
        ("es", "afterSeconds", "5", "Se ha producido un problema al procesar tu pago. Vuelve a intentarlo dentro de 5 segundos."),
        ("es", "afterSeconds", "22", "Se ha producido un problema al procesar tu pago. Vuelve a intentarlo dentro de 22 segundos."),
        ("es", "afterSeconds", "1.5", "Se ha producido un problema al procesar tu pago. Vuelve a intentarlo dentro de 1,5 segundos."),
        ("es", "attemptsLeft", "1", "No hemos podido confirmar este pago con tu banco. Puedes volver a intentarlo 1 vez más o usar otra tarjeta."),
        ("es", "attemptsLeft", "2", "No hemos podido confirmar este pago con tu banco. Puedes volver a intentarlo 2 veces más o usar otra tarjeta."),
        ("es", "attemptsLeft", "5", "No hemos podido confirmar este pago con tu banco. Puedes volver a intentarlo 5 veces más o usar otra tarjeta."),
        ("es", "attemptsLeft", "22", "No hemos podido confirmar este pago con tu banco. Puedes volver a intentarlo 22 veces más o usar otra tarjeta."),
        ("it", "afterSeconds", "1", "Si è verificato un problema durante l’elaborazione del pagamento. Riprova tra 1 secondo."),
        ("it", "afterSeconds", "2", "Si è verificato un problema durante l’elaborazione del pagamento. Riprova tra 2 secondi."),
        ("it", "afterSeconds", "5", "Si è verificato un problema durante l’elaborazione del pagamento. Riprova tra 5 secondi."),
        ("it", "afterSeconds", "22", "Si è verificato un problema durante l’elaborazione del pagamento. Riprova tra 22 secondi."),
        ("it", "afterSeconds", "1.5", "Si è verificato un problema durante l’elaborazione del pagamento. Riprova tra 1,5 secondi."),
        ("it", "attemptsLeft", "1", "Non è stato possibile confermare questo pagamento con la tua banca. Puoi riprovare ancora 1 volta o usare un’altra carta."),
        ("it", "attemptsLeft", "2", "Non è stato possibile confermare questo pagamento con la tua banca. Puoi riprovare ancora 2 volte o usare un’altra carta."),
        ("it", "attemptsLeft", "5", "Non è stato possibile confermare questo pagamento con la tua banca. Puoi riprovare ancora 5 volte o usare un’altra carta."),
        ("it", "attemptsLeft", "22", "Non è stato possibile confermare questo pagamento con la tua banca. Puoi riprovare ancora 22 volte o usare un’altra carta."),
        ("pt-BR", "afterSeconds", "1", "Ocorreu um problema ao processar seu pagamento. Tente novamente em 1 segundo."),
        ("pt-BR", "afterSeconds", "2", "Ocorreu um problema ao processar seu pagamento. Tente novamente em 2 segundos."),
        ("pt-BR", "afterSeconds", "5", "Ocorreu um problema ao processar seu pagamento. Tente novamente em 5 segundos."),
        ("pt-BR", "afterSeconds", "22", "Ocorreu um problema ao processar seu pagamento. Tente novamente em 22 segundos."),
        ("pt-BR", "afterSeconds", "1.5", "Ocorreu um problema ao processar seu pagamento. Tente novamente em 1,5 segundo."),
        ("pt-BR", "attemptsLeft", "1", "Não conseguimos confirmar este pagamento com o seu banco. Você pode tentar mais 1 vez ou usar outro cartão."),
        ("pt-BR", "attemptsLeft", "2", "Não conseguimos confirmar este pagamento com o seu banco. Você pode tentar mais 2 vezes ou usar outro cartão."),
        ("pt-BR", "attemptsLeft", "5", "Não conseguimos confirmar este pagamento com o seu banco. Você pode tentar mais 5 vezes ou usar outro cartão."),
        ("pt-BR", "attemptsLeft", "22", "Não conseguimos confirmar este pagamento com o seu banco. Você pode tentar mais 22 vezes ou usar outro cartão."),
        ("nl", "afterSeconds", "1", "Er ging iets mis bij het verwerken van je betaling. Probeer het over 1 seconde opnieuw."),
        ("nl", "afterSeconds", "2", "Er ging iets mis bij het verwerken van je betaling. Probeer het over 2 seconden opnieuw."),
        ("nl", "afterSeconds", "5", "Er ging iets mis bij het verwerken van je betaling. Probeer het over 5 seconden opnieuw."),
        ("nl", "afterSeconds", "22", "Er ging iets mis bij het verwerken van je betaling. Probeer het over 22 seconden opnieuw."),
        ("nl", "afterSeconds", "1.5", "Er ging iets mis bij het verwerken van je betaling. Probeer het over 1,5 seconden opnieuw."),
        ("nl", "attemptsLeft", "1", "We konden deze betaling niet bevestigen bij je bank. Je kunt het nog 1 keer proberen of een andere kaart gebruiken."),
        ("nl", "attemptsLeft", "2", "We konden deze betaling niet bevestigen bij je bank. Je kunt het nog 2 keer proberen of een andere kaart gebruiken."),
        ("nl", "attemptsLeft", "5", "We konden deze betaling niet bevestigen bij je bank. Je kunt het nog 5 keer proberen of een andere kaart gebruiken."),
        ("nl", "attemptsLeft", "22", "We konden deze betaling niet bevestigen bij je bank. Je kunt het nog 22 keer proberen of een andere kaart gebruiken."),
        ("pl", "afterSeconds", "1", "Coś poszło nie tak podczas przetwarzania płatności. Spróbuj ponownie za 1 sekundę."),
        ("pl", "afterSeconds", "2", "Coś poszło nie tak podczas przetwarzania płatności. Spróbuj ponownie za 2 sekundy."),
        ("pl", "afterSeconds", "5", "Coś poszło nie tak podczas przetwarzania płatności. Spróbuj ponownie za 5 sekund."),
        ("pl", "afterSeconds", "22", "Coś poszło nie tak podczas przetwarzania płatności. Spróbuj ponownie za 22 sekundy."),
        ("pl", "afterSeconds", "1.5", "Coś poszło nie tak podczas przetwarzania płatności. Spróbuj ponownie za 1,5 sekundy."),
        ("pl", "attemptsLeft", "1", "Nie udało się potwierdzić tej płatności w Twoim banku. Możesz spróbować jeszcze 1 raz lub użyć innej karty."),
        ("pl", "attemptsLeft", "2", "Nie udało się potwierdzić tej płatności w Twoim banku. Możesz spróbować jeszcze 2 razy lub użyć innej karty."),
        ("pl", "attemptsLeft", "5", "Nie udało się potwierdzić tej płatności w Twoim banku. Możesz spróbować jeszcze 5 razy lub użyć innej karty."),
        ("pl", "attemptsLeft", "22", "Nie udało się potwierdzić tej płatności w Twoim banku. Możesz spróbować jeszcze 22 razy lub użyć innej karty."),
        ("cs", "afterSeconds", "1", "Při zpracování platby nastal problém. Zkuste to znovu za 1 sekundu."),
        ("cs", "afterSeconds", "2", "Při zpracování platby nastal problém. Zkuste to znovu za 2 sekundy."),
        ("cs", "afterSeconds", "5", "Při zpracování platby nastal problém. Zkuste to znovu za 5 sekund."),
        ("cs", "afterSeconds", "22", "Při zpracování platby nastal problém. Zkuste to znovu za 22 sekund."),
        ("cs", "afterSeconds", "1.5", "Při zpracování platby nastal problém. Zkuste to znovu za 1,5 sekundy."),
        ("cs", "attemptsLeft", "1", "Tuto platbu se nepodařilo ověřit u vaší banky. Můžete to zkusit ještě jednou nebo použít jinou kartu."),
        ("cs", "attemptsLeft", "2", "Tuto platbu se nepodařilo ověřit u vaší banky. Můžete to zkusit ještě 2krát nebo použít jinou kartu."),
        ("cs", "attemptsLeft", "5", "Tuto platbu se nepodařilo ověřit u vaší banky. Můžete to zkusit ještě 5krát nebo použít jinou kartu."),
        ("cs", "attemptsLeft", "22", "Tuto platbu se nepodařilo ověřit u vaší banky. Můžete to zkusit ještě 22krát nebo použít jinou kartu."),
        ("sk", "afterSeconds", "1", "Pri spracovaní platby nastal problém. Skúste to znova o 1 sekundu."),
        ("sk", "afterSeconds", "2", "Pri spracovaní platby nastal problém. Skúste to znova o 2 sekundy."),
        ("sk", "afterSeconds", "5", "Pri spracovaní platby nastal problém. Skúste to znova o 5 sekúnd."),
        ("sk", "afterSeconds", "22", "Pri spracovaní platby nastal problém. Skúste to znova o 22 sekúnd."),
        ("sk", "afterSeconds", "1.5", "Pri spracovaní platby nastal problém. Skúste to znova o 1,5 sekundy."),
        ("sk", "attemptsLeft", "1", "Túto platbu sa nepodarilo overiť vo vašej banke. Môžete to skúsiť ešte raz alebo použiť inú kartu."),
        ("sk", "attemptsLeft", "2", "Túto platbu sa nepodarilo overiť vo vašej banke. Môžete to skúsiť ešte 2-krát alebo použiť inú kartu."),
        ("sk", "attemptsLeft", "5", "Túto platbu sa nepodarilo overiť vo vašej banke. Môžete to skúsiť ešte 5-krát alebo použiť inú kartu."),
        ("sk", "attemptsLeft", "22", "Túto platbu sa nepodarilo overiť vo vašej banke. Môžete to skúsiť ešte 22-krát alebo použiť inú kartu."),
        ("uk", "afterSeconds", "1", "Під час обробки платежу щось пішло не так. Спробуйте ще раз через 1 секунду."),
        ("uk", "afterSeconds", "2", "Під час обробки платежу щось пішло не так. Спробуйте ще раз через 2 секунди."),
        ("uk", "afterSeconds", "5", "Під час обробки платежу щось пішло не так. Спробуйте ще раз через 5 секунд."),
        ("uk", "afterSeconds", "22", "Під час обробки платежу щось пішло не так. Спробуйте ще раз через 22 секунди."),
        ("uk", "afterSeconds", "1.5", "Під час обробки платежу щось пішло не так. Спробуйте ще раз через 1,5 секунди."),
        ("uk", "attemptsLeft", "1", "Не вдалося підтвердити цей платіж у вашому банку. Ви можете спробувати ще 1 раз або скористатися іншою карткою."),
        ("uk", "attemptsLeft", "2", "Не вдалося підтвердити цей платіж у вашому банку. Ви можете спробувати ще 2 рази або скористатися іншою карткою."),
        ("uk", "attemptsLeft", "5", "Не вдалося підтвердити цей платіж у вашому банку. Ви можете спробувати ще 5 разів або скористатися іншою карткою."),
        ("uk", "attemptsLeft", "22", "Не вдалося підтвердити цей платіж у вашому банку. Ви можете спробувати ще 22 рази або скористатися іншою карткою."),
        ("ar", "afterSeconds", "1", "حدث خطأ أثناء معالجة الدفع. يُرجى المحاولة مرة أخرى بعد ثانية واحدة."),
        ("ar", "afterSeconds", "2", "حدث خطأ أثناء معالجة الدفع. يُرجى المحاولة مرة أخرى بعد ثانيتين."),
        ("ar", "afterSeconds", "5", "حدث خطأ أثناء معالجة الدفع. يُرجى المحاولة مرة أخرى بعد ٥ ثوانٍ."),
        ("ar", "afterSeconds", "22", "حدث خطأ أثناء معالجة الدفع. يُرجى المحاولة مرة أخرى بعد ٢٢ ثانية."),
        ("ar", "afterSeconds", "1.5", "حدث خطأ أثناء معالجة الدفع. يُرجى المحاولة مرة أخرى بعد ١٫٥ ثانية."),
        ("ar", "attemptsLeft", "1", "تعذّر تأكيد هذه الدفعة لدى البنك المُصدر لبطاقتك. يمكنك المحاولة مرة واحدة أخرى أو استخدام بطاقة مختلفة."),
        ("ar", "attemptsLeft", "2", "تعذّر تأكيد هذه الدفعة لدى البنك المُصدر لبطاقتك. يمكنك المحاولة مرتين أخريين أو استخدام بطاقة مختلفة."),
        ("ar", "attemptsLeft", "5", "تعذّر تأكيد هذه الدفعة لدى البنك المُصدر لبطاقتك. يمكنك المحاولة ٥ مرات أخرى أو استخدام بطاقة مختلفة."),
        ("ar", "attemptsLeft", "22", "تعذّر تأكيد هذه الدفعة لدى البنك المُصدر لبطاقتك. يمكنك المحاولة ٢٢ مرة أخرى أو استخدام بطاقة مختلفة."),
        ("he", "afterSeconds", "1", "אירעה תקלה בעיבוד התשלום. נא לנסות שוב בעוד שנייה אחת."),
        ("he", "afterSeconds", "2", "אירעה תקלה בעיבוד התשלום. נא לנסות שוב בעוד שתי שניות."),
        ("he", "afterSeconds", "5", "אירעה תקלה בעיבוד התשלום. נא לנסות שוב בעוד 5 שניות."),
        ("he", "afterSeconds", "22", "אירעה תקלה בעיבוד התשלום. נא לנסות שוב בעוד 22 שניות."),
        ("he", "afterSeconds", "1.5", "אירעה תקלה בעיבוד התשלום. נא לנסות שוב בעוד 1.5 שניות."),
        ("he", "attemptsLeft", "1", "לא הצלחנו לאמת את התשלום מול הבנק שלך. ניתן לנסות שוב עוד פעם אחת או להשתמש בכרטיס אחר."),
        ("he", "attemptsLeft", "2", "לא הצלחנו לאמת את התשלום מול הבנק שלך. ניתן לנסות שוב עוד פעמיים או להשתמש בכרטיס אחר."),
        ("he", "attemptsLeft", "5", "לא הצלחנו לאמת את התשלום מול הבנק שלך. ניתן לנסות שוב עוד 5 פעמים או להשתמש בכרטיס אחר."),
        ("he", "attemptsLeft", "22", "לא הצלחנו לאמת את התשלום מול הבנק שלך. ניתן לנסות שוב עוד 22 פעמים או להשתמש בכרטיס אחר."),
        ("ja", "afterSeconds", "1", "お支払いの処理中に問題が発生しました。1秒後にもう一度お試しください。"),
        ("ja", "afterSeconds", "2", "お支払いの処理中に問題が発生しました。2秒後にもう一度お試しください。"),
        ("ja", "afterSeconds", "5", "お支払いの処理中に問題が発生しました。5秒後にもう一度お試しください。"),
        ("ja", "afterSeconds", "22", "お支払いの処理中に問題が発生しました。22秒後にもう一度お試しください。"),
        ("ja", "afterSeconds", "1.5", "お支払いの処理中に問題が発生しました。1.5秒後にもう一度お試しください。"),
        ("ja", "attemptsLeft", "1", "カード会社でお支払いを確認できませんでした。あと1回お試しいただくか、別のカードをご利用ください。"),
        ("ja", "attemptsLeft", "2", "カード会社でお支払いを確認できませんでした。あと2回お試しいただくか、別のカードをご利用ください。"),
        ("ja", "attemptsLeft", "5", "カード会社でお支払いを確認できませんでした。あと5回お試しいただくか、別のカードをご利用ください。"),
        ("ja", "attemptsLeft", "22", "カード会社でお支払いを確認できませんでした。あと22回お試しいただくか、別のカードをご利用ください。"),
        ("zh-Hans", "afterSeconds", "1", "处理付款时出现问题。请在1秒后重试。"),
        ("zh-Hans", "afterSeconds", "2", "处理付款时出现问题。请在2秒后重试。"),
        ("zh-Hans", "afterSeconds", "5", "处理付款时出现问题。请在5秒后重试。"),
        ("zh-Hans", "afterSeconds", "22", "处理付款时出现问题。请在22秒后重试。"),
        ("zh-Hans", "afterSeconds", "1.5", "处理付款时出现问题。请在1.5秒后重试。"),
        ("zh-Hans", "attemptsLeft", "1", "未能通过您的银行完成此笔付款的验证。您还可以重试1次，或使用其他银行卡。"),
        ("zh-Hans", "attemptsLeft", "2", "未能通过您的银行完成此笔付款的验证。您还可以重试2次，或使用其他银行卡。"),
        ("zh-Hans", "attemptsLeft", "5", "未能通过您的银行完成此笔付款的验证。您还可以重试5次，或使用其他银行卡。"),
        ("zh-Hans", "attemptsLeft", "22", "未能通过您的银行完成此笔付款的验证。您还可以重试22次，或使用其他银行卡。"),
        ("tr", "afterSeconds", "1", "Ödemeniz işlenirken bir sorun oluştu. Lütfen 1 saniye sonra tekrar deneyin."),
        ("tr", "afterSeconds", "2", "Ödemeniz işlenirken bir sorun oluştu. Lütfen 2 saniye sonra tekrar deneyin."),
        ("tr", "afterSeconds", "5", "Ödemeniz işlenirken bir sorun oluştu. Lütfen 5 saniye sonra tekrar deneyin."),
        ("tr", "afterSeconds", "22", "Ödemeniz işlenirken bir sorun oluştu. Lütfen 22 saniye sonra tekrar deneyin."),
        ("tr", "afterSeconds", "1.5", "Ödemeniz işlenirken bir sorun oluştu. Lütfen 1,5 saniye sonra tekrar deneyin."),
        ("tr", "attemptsLeft", "1", "Bu ödemeyi bankanızla doğrulayamadık. 1 kez daha deneyebilir veya farklı bir kart kullanabilirsiniz."),
        ("tr", "attemptsLeft", "2", "Bu ödemeyi bankanızla doğrulayamadık. 2 kez daha deneyebilir veya farklı bir kart kullanabilirsiniz."),
        ("tr", "attemptsLeft", "5", "Bu ödemeyi bankanızla doğrulayamadık. 5 kez daha deneyebilir veya farklı bir kart kullanabilirsiniz."),
        ("tr", "attemptsLeft", "22", "Bu ödemeyi bankanızla doğrulayamadık. 22 kez daha deneyebilir veya farklı bir kart kullanabilirsiniz."),
        ("de", "count", "1", "Bitte prüfen Sie das markierte Feld und versuchen Sie es erneut."),
        ("de", "count", "2", "Bitte prüfen Sie die 2 markierten Felder und versuchen Sie es erneut."),
        ("de", "count", "5", "Bitte prüfen Sie die 5 markierten Felder und versuchen Sie es erneut."),
        ("de", "count", "22", "Bitte prüfen Sie die 22 markierten Felder und versuchen Sie es erneut."),
        ("fr", "count", "1", "Veuillez vérifier le champ signalé et réessayer."),
        ("fr", "count", "2", "Veuillez vérifier les 2 champs signalés et réessayer."),
        ("fr", "count", "5", "Veuillez vérifier les 5 champs signalés et réessayer."),
        ("fr", "count", "22", "Veuillez vérifier les 22 champs signalés et réessayer."),
        ("es", "count", "1", "Revisa el campo resaltado y vuelve a intentarlo."),
        ("es", "count", "2", "Revisa los 2 campos resaltados y vuelve a intentarlo."),
        ("es", "count", "5", "Revisa los 5 campos resaltados y vuelve a intentarlo."),
        ("es", "count", "22", "Revisa los 22 campos resaltados y vuelve a intentarlo."),
        ("it", "count", "1", "Controlla il campo evidenziato e riprova."),
        ("it", "count", "2", "Controlla i 2 campi evidenziati e riprova."),
        ("it", "count", "5", "Controlla i 5 campi evidenziati e riprova."),
        ("it", "count", "22", "Controlla i 22 campi evidenziati e riprova."),
        ("pt-BR", "count", "1", "Confira o campo destacado e tente novamente."),
        ("pt-BR", "count", "2", "Confira os 2 campos destacados e tente novamente."),
        ("pt-BR", "count", "5", "Confira os 5 campos destacados e tente novamente."),
        ("pt-BR", "count", "22", "Confira os 22 campos destacados e tente novamente."),
        ("nl", "count", "1", "Controleer het gemarkeerde veld en probeer het opnieuw."),
        ("nl", "count", "2", "Controleer de 2 gemarkeerde velden en probeer het opnieuw."),
        ("nl", "count", "5", "Controleer de 5 gemarkeerde velden en probeer het opnieuw."),
        ("nl", "count", "22", "Controleer de 22 gemarkeerde velden en probeer het opnieuw."),
        ("pl", "count", "1", "Sprawdź zaznaczone pole i spróbuj ponownie."),
        ("pl", "count", "2", "Sprawdź 2 zaznaczone pola i spróbuj ponownie."),
        ("pl", "count", "5", "Sprawdź 5 zaznaczonych pól i spróbuj ponownie."),
        ("pl", "count", "22", "Sprawdź 22 zaznaczone pola i spróbuj ponownie."),
        ("cs", "count", "1", "Zkontrolujte označené pole a zkuste to znovu."),
        ("cs", "count", "2", "Zkontrolujte 2 označená pole a zkuste to znovu."),
        ("cs", "count", "5", "Zkontrolujte 5 označených polí a zkuste to znovu."),
        ("cs", "count", "22", "Zkontrolujte 22 označených polí a zkuste to znovu."),
        ("sk", "count", "1", "Skontrolujte označené pole a skúste to znova."),
        ("sk", "count", "2", "Skontrolujte 2 označené polia a skúste to znova."),
        ("sk", "count", "5", "Skontrolujte 5 označených polí a skúste to znova."),
        ("sk", "count", "22", "Skontrolujte 22 označených polí a skúste to znova."),
        ("uk", "count", "1", "Перевірте 1 виділене поле й спробуйте ще раз."),
        ("uk", "count", "2", "Перевірте 2 виділені поля й спробуйте ще раз."),
        ("uk", "count", "5", "Перевірте 5 виділених полів і спробуйте ще раз."),
        ("uk", "count", "22", "Перевірте 22 виділені поля й спробуйте ще раз."),
        ("ar", "count", "1", "يُرجى التحقق من الحقل المميز ثم المحاولة مرة أخرى."),
        ("ar", "count", "2", "يُرجى التحقق من الحقلين المميزين ثم المحاولة مرة أخرى."),
        ("ar", "count", "5", "يُرجى التحقق من ٥ حقول مميزة ثم المحاولة مرة أخرى."),
        ("ar", "count", "22", "يُرجى التحقق من ٢٢ حقلًا مميزًا ثم المحاولة مرة أخرى."),
        ("he", "count", "1", "נא לבדוק את השדה המסומן ולנסות שוב."),
        ("he", "count", "2", "נא לבדוק את שני השדות המסומנים ולנסות שוב."),
        ("he", "count", "5", "נא לבדוק את 5 השדות המסומנים ולנסות שוב."),
        ("he", "count", "22", "נא לבדוק את 22 השדות המסומנים ולנסות שוב."),
        ("ja", "count", "1", "ハイライトされた1件の項目をご確認のうえ、もう一度お試しください。"),
        ("ja", "count", "2", "ハイライトされた2件の項目をご確認のうえ、もう一度お試しください。"),
        ("ja", "count", "5", "ハイライトされた5件の項目をご確認のうえ、もう一度お試しください。"),
        ("ja", "count", "22", "ハイライトされた22件の項目をご確認のうえ、もう一度お試しください。"),
        ("zh-Hans", "count", "1", "请检查已标出的1项信息，然后重试。"),
        ("zh-Hans", "count", "2", "请检查已标出的2项信息，然后重试。"),
        ("zh-Hans", "count", "5", "请检查已标出的5项信息，然后重试。"),
        ("zh-Hans", "count", "22", "请检查已标出的22项信息，然后重试。"),
        ("tr", "count", "1", "Lütfen işaretlenen alanı kontrol edip tekrar deneyin."),
        ("tr", "count", "2", "Lütfen işaretlenen 2 alanı kontrol edip tekrar deneyin."),
        ("tr", "count", "5", "Lütfen işaretlenen 5 alanı kontrol edip tekrar deneyin."),
        ("tr", "count", "22", "Lütfen işaretlenen 22 alanı kontrol edip tekrar deneyin."),
    ]

    @Test("plural forms per locale", arguments: counted.indices)
    func pluralForms(_ index: Int) throws {
        let (locale, argument, value, expected) = Self.counted[index]
        let negotiated = try shippedCatalog.negotiate(tag: locale)
        #expect(negotiated.tag.identifier == locale)
        let number: MessageArgument = value.contains(".") ? .number(Double(value)!) : .integer(Int64(value)!)
        switch argument {
        case "afterSeconds":
            #expect(shippedResolver.resolve(UpstreamError(status: 503), in: negotiated, arguments: [argument: number]).message == expected)
        case "attemptsLeft":
            let error = UpstreamError(status: 400, code: 2101, type: "declined_by_three_ds")
            #expect(shippedResolver.resolve(error, in: negotiated, arguments: [argument: number]).message == expected)
        default:
            #expect(try shippedCatalog.message("form.check_fields", in: negotiated)?.format([argument: number]) == expected)
        }
    }

    @Test("every locale translates every key", arguments: ["de", "fr", "es", "it", "pt-BR", "nl", "pl", "cs", "sk", "uk", "ar", "he", "ja", "zh-Hans", "tr"])
    func everyKeyTranslated(_ locale: String) throws {
        let tag = try LocaleTag(locale)
        #expect(shippedCatalog.completeness(of: tag) == 1)
        let negotiated = try shippedCatalog.negotiate(tag: locale)
        let en = try shippedCatalog.negotiate(tag: "en")
        for (key, entry) in shippedCatalog.sourceEntries {
            let arguments = entry.arguments.mapValues(\.example)
            let translated = try #require(shippedCatalog.message(key, in: negotiated)).format(arguments)
            let english = try #require(shippedCatalog.message(key, in: en)).format(arguments)
            #expect(translated != english, "\(locale) \(key) is an English copy")
            #expect(!translated.contains("{") && !translated.contains("}"), "\(locale) \(key): \(translated)")
        }
    }

    @Test func rightToLeftLocalesSayRTL() throws {
        for locale in ["ar", "he"] {
            let resolution = try shippedResolver.resolve(UpstreamError(status: 400, code: 1035), locale: locale)
            #expect(resolution.direction == .rightToLeft)
            #expect(resolution.locale == locale)
        }
        #expect(try shippedResolver.resolve(UpstreamError(status: 400, code: 1035), locale: "zh-CN").locale == "zh-Hans")
        #expect(try shippedResolver.resolve(UpstreamError(status: 400, code: 1035), locale: "pt").locale == "pt-BR")
    }

    @Test func moneyInGermanCatalogMessage() throws {
        let resolution = try shippedResolver.resolve(UpstreamError(status: 400, code: 1042), locale: "de",
                                                 arguments: ["available": .money(Money(minorUnits: 1999, currency: "EUR"))])
        #expect(resolution.message.contains("19,99\u{A0}€"))
        #expect(resolution.fields.map(\.field) == ["refund.amount"])
    }
}
