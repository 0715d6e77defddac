# ruff: noqa: E501
"""Build eval/coding/drivers_labelled.jsonl: hand-labelled segments for code suggestion.

Demo segments are verbatim excerpts of one speaker turn of the bundled synthetic demo
transcripts (demo/corpus/), pseudonymised with the corpus's own gold name lists; the
script checks that every excerpt really occurs in its turn.  Written segments were
composed for this set.  Labels are the hand-assigned codes of codebooks/drivers.yaml
(see README.md for the guidelines).  Run:

    .venv/bin/python eval/coding/make_drivers_labelled.py          # write + report
    .venv/bin/python eval/coding/make_drivers_labelled.py --check  # only validate
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from demo_turns import Pseudonymiser, _norm, read_turns  # noqa: E402

GN, DV, GE, UN, LM, WC = ("gender_norms", "domestic_violence", "girls_education",
                          "unemployment", "labour_migration", "wedding_costs")
LL, ML, RT, VG, SI, PA, GB = ("legal_literacy", "media_literacy", "returnees",
                              "violent_groups", "services_infrastructure",
                              "police_authorities", "gbv_services")

SOURCES = {
    "JW": "jizzakh_women.txt", "JY": "jizzakh_youth.vtt", "NW": "namangan_women.docx",
    "NM": "namangan_men.csv", "NY": "namangan_youth.docx", "TW": "tashkent_women.md",
    "TM": "tashkent_men.srt", "TY": "tashkent_youth.xlsx",
}

# fmt: off
# (source key, verbatim excerpt from one turn, codes)
DEMO = [
# ---------------------------------------------------------------- jizzakh_women.txt
("JW", "Thirty-four. I have three children, I'm at home, sometimes I sew for people, dresses for to'ys mostly.", []),
("JW", "From the end of Bunyodkor street to the polyclinic there is no light at all. My neighbour Shahnoza's girl was followed there by some boys last autumn. Nothing happened, thank God, but since then her father doesn't let her go to the evening courses.", [SI, DV, GE]),
("JW", "For me the main problem is no work. Men go to Russia, women sit at home. And when there's no money in the house there is, how to say... tension. Everything starts from money.", [UN, LM]),
("JW", "I mean, in families with money there are also problems. The qaynona decides everything. The kelin has no voice. That's not about money, that's about how we are raised.", [GN]),
("JW", "There is one kindergarten for three makhallas and there's a queue. If you have no place, you cannot go to work. So the woman stays home. It's like a circle.", [SI, UN]),
("JW", "Well... on the street it's mostly okay in the daytime. The bigger danger is inside the house, but nobody says it out loud.", [DV]),
("JW", "A young kelin near the school, married at nineteen. The husband went to Russia, she stayed with the qaynona and the husband's brother. For two years she was, um, treated like a servant. Then when the husband came back he started to beat her, because his mother told him things.", [DV, LM]),
("JW", "She went back to her parents' house, and her own father sent her back. He said, \"You are the bride of that house now, sabr qil, be patient.\" That is the problem. The father is more afraid of what the makhalla will say than he is for his daughter.", [GN]),
("JW", "Women come with injuries and say the cow kicked them. [pause] And I know. But what can I do? If I write it down, the police will come to the house, and then it will be worse for her.", [DV, GB]),
("JW", "Because, how to say, the police come, they talk to the husband, they write a paper, they leave. And she stays in that house. The same night.", [GB]),
("JW", "Excuse me, sorry I'm late, the bus from the centre... Assalomu alaykum.", []),
("JW", "Can you tell Bekzod aka? It's a small place, everyone is related. A woman will not go to an inspector who was her husband's classmate.", [GB, PA]),
("JW", "But the problem is also that women don't know their rights. If you divorce, what do you get? Alimony for the children? Part of the house?", [LL]),
("JW", "My cousin divorced, and for a year she got no alimony. The husband is in Kazakhstan. How will they take money from him there? They said you have to [inaudible 00:14:02] through the court, and she just gave up.", [LL, LM]),
("JW", "There is the rehabilitation centre in Jizzakh city, the state one. And I heard an NGO had a shelter, but it's also in the city, far. For a woman from here, with three children, no money for a taxi...", [GB]),
("JW", "And everyone knows she went there. That's the shame. When she comes back the whole street talks. At the gap, at the to'y, they will whisper.", [GB, GN]),
("JW", "For some the parents say, \"Enough, she can read and write, she'll help her mother at home, the qaynona won't want a kelin who is too educated.\" That's the exact phrase. Too educated.", [GE, GN]),
("JW", "My own sister-in-law said this about my daughter. My Madina wants to be a doctor. And my husband's sister said, \"Why does she need it, who will marry a girl of twenty-five?\"", [GE, GN]),
("JW", "And the college is in the district centre. Parents don't let the girls travel. If a girl is seen in the marshrutka talking with a boy, that's it, rumours.", [GE, GN]),
("JW", "My brother-in-law was deported last year, for an old fine. Now he's here, sitting at home with no work. A five-year ban.", [LM, UN]),
("JW", "They come back, there's no work, they sit at the choyxona all day. There they were somebody, here they're nothing. And the anger comes home.", [UN, LM]),
("JW", "Well... a man who earned money, and now he asks his wife for money for cigarettes. He feels, um, small. So he shows he's the boss by shouting.", [DV, GN, UN]),
("JW", "My qaynona said, \"Your husband is earning, why do you need it?\" So I didn't go. [pause] Sometimes the money from my husband goes to my qaynona directly, not to me.", [GN, LM]),
("JW", "This is common, Nargizaxon, it's not only you.", []),
("JW", "Oh, now we'll be here till night.", []),
("JW", "It's a disaster. Sorry, I'm not Uzbek, I can say it. [laughter] People take loans for a to'y and pay for five years.", [WC]),
("JW", "And sometimes the domla reads the nikah before they register at ZAGS. So if the marriage goes bad, the girl has no papers, no rights.", [LL]),
("JW", "Abdurahmon domla is good, he said it at my nephew's wedding too.", []),
("JW", "I put that poster up! [laughter] But a woman who is being beaten, her phone is checked by the husband. Often she doesn't even have her own phone.", [GB, DV]),
("JW", "But there's also a lot of rubbish there. Last month there was a message that the khokimiyat would take children away from families who don't pay for gas. Everyone panicked.", [ML]),
("JW", "And for the young ones there are religious channels, you don't know who is behind them. My colleague's son was watching some preacher online, and he changed, he stopped talking to his sisters, said their clothes were haram. They took him to the imam to talk. Thank God, he listened.", [VG, ML]),
("JW", "The khokimiyat, you wait all day, the man is at a meeting. Last year we wrote about the water, thirty families signed, I took it myself. Nobody answered.", [PA, SI]),
("JW", "A woman inspector in our makhalla once a week. And transport to the rehabilitation centre if a woman needs to go.", [GB, PA]),
("JW", "Come back in summer, we'll give you apricots. [laughter]", []),
# ---------------------------------------------------------------- tashkent_women.md
("TW", "I came to Navro'z as a kelin thirty-one years ago and never left. I help the makhalla with the women's work, the Ayollar daftari lists and so on, so most of these women know me already.", []),
("TW", "I was a cook at kindergarten number 9 for twenty years. Now I look after four grandchildren, because both my sons are in Russia.", [LM]),
("TW", "Water comes twice a week, at night, and you have to stay up to fill the buckets. The khokimiyat promised a new pump station in 2020. We are still waiting.", [SI, PA]),
("TW", "Well... Girls are married at eighteen, nineteen. The kelin comes into the house and she has no voice. The qaynona decides everything: what she cooks, when she can visit her mother, whether she can work.", [GN]),
("TW", "The husband goes to Russia, the money he sends comes to his mother, not to his wife. If the kelin complains, they tell her \"sabr qil\", be patient. And her own mother tells her the same thing: go back, don't shame us.", [GN, LM]),
("TW", "A young woman came to the polyclinic last year with bruises on her arm and her neck. She said she fell on the stairs. The second time she said the same thing.", [DV]),
("TW", "By law we must inform the inspector, and she begged us, really begged, not to. Her husband had come back from Russia, he had no work, he was drinking.", [GB, LM, UN]),
("TW", "In the end we called the profilaktika inspektori. He came, he talked to the husband, and then the families took them to the makhalla committee to be reconciled. Everyone shook hands and drank tea. Two months later she came back with a broken wrist.", [GB, DV]),
("TW", "The rais, Abdurahmon aka, he is not a bad man, but his job, as he sees it, is that the family does not break. They count the divorces in the makhalla, you understand, it's like a number in a report.", [GB, PA]),
("TW", "Where does she go? Her parents' house is already full, her brother has his own kelin. She comes with three children. Nobody will marry her again.", [GN]),
("TW", "My neighbour Shahnoza, her sister-in-law went to that centre for ten days. When she came back, people in the bazaar and at the women's gap were already saying she had a lover. That's what they say about a woman who leaves the house.", [GB, GN]),
("TW", "But honestly, most women I know don't know it exists. Or they think it's a paper that puts the husband in prison, so they won't ask for it, because then who feeds the children?", [GB]),
("TW", "In my class, the girls are all bright, all of them. But after ninth grade some families say that's enough. Especially if there is no college nearby.", [GE]),
("TW", "The college is in the district centre, the bus costs money, and the bus stop... boys hang around there, they say things, follow the girls. So the fathers say \"stay home, it's safer\".", [GE, DV]),
("TW", "Years ago I had a girl, Madina, top of the class, the best in maths. Her father said \"what will she do with college, she'll go as a kelin anyway\". She was engaged at seventeen.", [GE, GN]),
("TW", "And the phones. Some fathers say the internet spoils girls.", [GN]),
("TW", "Because the television also lies. [laughter]", [ML]),
("TW", "The older one seven years already, the younger one went after his wedding, to pay the debt from the wedding. The kelins are with me. They send remittances, ten thousand roubles a month, fifteen, it depends.", [LM, WC]),
("TW", "Um... and for some of us, even if there was work, the family wouldn't let us. My husband says a woman who works outside, people will talk.", [GN]),
("TW", "My nephew's wedding last autumn: four hundred guests, two days, and the bride's side had to bring a whole house of furniture, carpets, the fridge. The groom's side paid the qalin, and the sarpo for the relatives. They are still paying the bank.", [WC]),
("TW", "My cousin was like that. Nikah only, he went to Kazakhstan and married again there. She found out from Instagram. [pause]", [LL, LM]),
("TW", "The makhalla committee is closest, but people think it's the khokimiyat's eyes. If you complain about your husband, they write it in a notebook, and then when your son wants a job at the district, someone remembers.", [PA, GB]),
("TW", "Abdurahmon aka did help when the school roof leaked. He went himself to the khokimiyat. It's different for different problems.", [PA, SI]),
("TW", "Transport to the college for the girls, a school bus. And lights at the bus stop.", [GE, SI]),
("TW", "Um... tell the kelins what their rights are. I didn't know about the nikah, about the alimony. If Gulnora opa hadn't said it today, I wouldn't know.", [LL]),
("TW", "And stop the reconciliation when there is violence. Reconcile when they argue about money, yes. Not when there is a broken wrist.", [GB]),
# ---------------------------------------------------------------- tashkent_youth.xlsx
("TY", "Laylo, nineteen. I study at the pedagogical university in Tashkent, English faculty. I commute every day, two hours each way. [laughter]", []),
("TY", "I could hire two, three guys from here, I have more orders than I can do. But the internet goes down every evening, and the electricity in winter. I lost a client in January because of that.", [SI, UN]),
("TY", "Transport. The bus to Tashkent is packed at seven in the morning, men push, some... touch. Every girl knows. You just stand and keep quiet.", [SI, DV]),
("TY", "And in the evening there are no buses at all after nine. So girls can't take evening courses, can't work late.", [SI, GE]),
("TY", "Well... once a man followed me from the bus stop to our street, in winter, when it's dark at six. The streetlights on our street don't work. I ran. I told my father, and the next day he said \"maybe you should transfer to the correspondence course\".", [DV, SI, GE]),
("TY", "I wanted the university too. After college my parents said enough, a girl has a profession, now marriage. Now I work at the salon and they're already looking for a husband. [laughter]", [GE, GN]),
("TY", "And for boys the question is different: study or go to Russia. Half my class went to Russia after ninth grade.", [LM]),
("TY", "I'm also thinking of going. Honestly. The car wash or Russia, what's the difference, at least there they pay more.", [LM, UN]),
("TY", "My friend wrote to one, korea.visa.center22@gmail.com, they asked for three hundred dollars \"for documents\" first. He paid. Then silence.", [ML, LM]),
("TY", "To the police? [laughter] They said \"you gave the money yourself, what do you want\". So nobody reports.", [PA]),
("TY", "Last month, there was a voice message going around that the government will take all migrants' passports in Russia and they can't come home. Mothers were crying at the bazaar. It was completely fake.", [ML]),
("TY", "Who wrote it? When? Is there a source? That's basic, but at school we never had it.", [ML]),
("TY", "In Kazan, there were guys, at the mosque, then in Telegram. First they help you: a room, a job, money if you're short. Then they send lectures. Then \"look how they treat Muslims here, in Russia you are a slave\".", [VG, LM]),
("TY", "It's online also, here. Nice videos, nasheeds, a handsome preacher talking calmly. Then slowly \"the government is not Islamic\", \"the imams are sold\". For a boy with no job and nothing to do, it sounds like someone respects him.", [VG]),
("TY", "Honestly, I've seen those channels. I watched. I didn't join anything, but I understand why a guy watches. Nobody else talks to you like a man.", [VG]),
("TY", "And for girls it's Instagram, \"sisters\" writing to you. A girl from my course got messages from a woman in Turkey, very nice, about hijab, about marriage to a \"pious brother\". Then she asked her to come to Istanbul.", [VG]),
("TY", "A woman with two kids came back, I think from Iraq. I deliver to them sometimes. Normal people. But the neighbours, when I ask the way, they say \"ah, that house\" with a face.", [RT]),
("TY", "At our school there was a boy who came back from there. The kids called him \"terrorist\" as a joke. He stopped coming after a year.", [RT]),
("TY", "Expensive! [laughter] I need the qalin, the to'y, the gold, the restaurant. My father says minimum fifteen thousand dollars, because my cousin's was like that and we can't be lower. That's another reason for Russia.", [WC, LM]),
("TY", "My husband, Sarvar, is okay, but he checks my phone. For my Instagram business, he wanted to know every client who writes.", [GN]),
("TY", "My friend's husband beats her. I won't say her name. She went to her parents, they sent her back, \"don't destroy your family\". She said there's no point telling anyone.", [DV, GN]),
("TY", "There's a hotline, and the rehabilitation centre in the district, but who knows? Young girls don't know anything about protection orders, about alimony. I only know because we had a lecture at university.", [GB, LL]),
("TY", "For couriers, the traffic police is the problem. They stop us on the bike, \"where is your helmet, where is the registration\", and you pay them. I don't even know if a bike needs registration. [laughter]", [PA, LL]),
("TY", "The profilaktika inspektori came to my house after I came back from Russia. \"Where were you, what did you do, which mosque did you go to.\" Like I'm a criminal.", [PA, LM]),
("TY", "Once I wrote to the khokimiyat about the streetlights, through the online reception. They answered in two weeks: \"taken under control\". The lights still don't work.", [PA, SI]),
("TY", "Talk to parents, not only to us. Tell them a girl can study and work and it's not shame.", [GN, GE]),
("TY", "A real list of legal jobs abroad, from the state, and help before you go: what are your rights, who to call there.", [LM, LL]),
("TY", "Teach us our rights. With the police, with employers. A short course, on Telegram even.", [LL]),
# ---------------------------------------------------------------- tashkent_men.srt
("TM", "Work. That's the first, second and third problem. [laughter] I'm not joking. Everyone my age in this street, either he's in Russia or he's sitting at home like me.", [UN, LM]),
("TM", "From the bridge to the school the road is finished, holes like this. In winter I stand four hours in the line for methane at the station. Four hours I don't earn anything.", [SI]),
("TM", "Half the young men are gone. At a funeral we can't find young men to carry the body. The children grow up with the grandmother. That's not a small thing.", [LM]),
("TM", "This year, after February, the rouble fell, the company stopped paying on time, two months without salary. I thought, why am I here? I came home. Now here also nothing.", [LM, UN]),
("TM", "He calls every week, +7 912 305-44-81, that's his number if... well, you don't need it. [laughter]", []),
("TM", "I work, thank God. But how to say... the factory pays two million sum a month. Overtime they don't pay. If you complain, there are ten men at the gate who want your place.", [UN]),
("TM", "That's the problem, Ikromjon. Nobody reads it, and then nobody knows his rights.", [LL]),
("TM", "And when you look for work here, what happens? I went to the job fair at the khokimiyat. They give you a paper, they say \"go to Korea\". For Korea you need the language exam, the course costs money, the exam costs money.", [UN, LM, PA]),
("TM", "Last year a man from Namangan came to the makhalla, said he sends people to Poland, to a factory. Five hundred dollars. Three boys from our street gave him the money. I almost did.", [LM, ML]),
("TM", "A boy in ninth grade, I tell him study, he says \"teacher, my brother didn't study and he sends home more money than you earn\". [laughter] What can I answer? He's right.", [LM]),
("TM", "The qalin, the to'y for three hundred and fifty people, the restaurant, the singer, the car, the gold. I borrowed from my brother-in-law and from the bank. I'm still paying. That's why I drive fourteen hours a day.", [WC]),
("TM", "The to'y is our culture, our honour. The problem is not the to'y. The problem is that there is no work to pay for it. If a man earns, let him do a big to'y.", [WC, UN]),
("TM", "Otabek, with respect, half the young men in Russia went to pay for a to'y. It's a circle: wedding, debt, Russia, wedding for the next son.", [WC, LM]),
("TM", "That's true also. [laughs] Both are true.", []),
("TM", "The kelin stays with the parents. It's normal, she helps the mother-in-law. I think it's right, a young woman alone, people will talk.", [GN]),
("TM", "And when the husband comes back after five years, he's a stranger. He doesn't know his own children. He's tired, he has no work, he drinks. Then the problems start in the house.", [LM, UN]),
("TM", "In my street, I won't say the name, a man came back from Kazakhstan and beat his wife so the neighbours heard. Everyone heard. The makhalla called them, reconciled them. He still does it.", [DV, GB, LM]),
("TM", "We reconcile, yes. That's our job, to keep the family. What else should we do? Send him to prison, and then who feeds the children?", [GB, GN]),
("TM", "A man must be the master of his house. But beating, no, that's not being a man. My father never touched my mother.", [GN]),
("TM", "Mine will finish eleven classes. Then we'll see. If a good family asks, why wait?", [GE, GN]),
("TM", "For others the bus is the problem, and the money. The college contract is expensive, and for a girl the family thinks, why pay if she'll marry?", [GE, GN]),
("TM", "Their daughter, Mohira, went with her husband in 2014, we didn't even know. She came back in 2019, with the government operation, with two children. Her husband died there.", [RT]),
("TM", "The little one is the best in the class at drawing. But in the first year other children called him \"the Syrian\". Some parents asked me to move him to another class. I refused.", [RT]),
("TM", "In Russia, when you're alone, tired, the police bother you, you feel like nobody. Then some \"brothers\" come. At the mosque, or in Telegram groups for Uzbeks. First they help: a job, a place to sleep.", [VG, LM]),
("TM", "Then they talk about religion, then about \"hijra\", about how Muslims are humiliated. In our dormitory there was a boy from Andijan, Bobur, quiet boy. One day he was gone. His phone, off.", [VG]),
("TM", "In the Telegram channels, half is rumours. \"The gas price will double\", \"the police are taking boys with beards\". Nobody checks.", [ML]),
("TM", "And there are some preachers, they talk nice, then they say the government is kafir. Young guys with no work sit on their phones all day.", [VG, UN]),
("TM", "The traffic police, you know what I'll say. [laughter] Every day. \"Documents, brother.\" Then \"so, what shall we do?\"", [PA]),
("TM", "Nothing you say will be linked to your name. We record only for our notes.", []),
# ---------------------------------------------------------------- namangan_men.csv
("NM", "Farhod Qurbonov, forty-one. I have a bakery on Chinor street, four workers.", []),
("NM", "The canal is not cleaned, the water comes late, and who is first? The one who has a relative in the water office. Last summer two neighbours fought with shovels over the water.", [SI, PA]),
("NM", "Yes. The factory has fewer orders, from Russia mostly, and after March they stopped paying on time.", [UN]),
("NM", "I have a wife, we live with my parents, and I have a loan from the to'y. Every month, three million. [pause] I don't know. Maybe Russia.", [WC, LM]),
("NM", "And there's a rumour, I heard it in Telegram, that they will take migrants to the army, to the war. Is it true?", [ML]),
("NM", "There, I was a brigade leader, I had money, I sent money home, everyone respected me. Here, I came back, the money was spent on my brother's to'y and the house. I have nothing.", [LM, WC]),
("NM", "Many men come back like this. And then, how to say, they are angry. At the choyxona they sit and complain about everything. The government, the khokim, their wives.", [LM, UN]),
("NM", "I tried to get a loan to expand the bakery and hire more boys. Bank, khokimiyat, bank, khokimiyat. Six months. Then somebody told me, you need to \"know someone\".", [PA, UN]),
("NM", "The to'y is our tradition. The guests come to honour the family. It's not only the money.", [WC]),
("NM", "And the wedding brings debt, debt brings the son to Russia, the son in Russia leaves the wife with his mother, and then there are problems in the family. It's a chain.", [WC, LM]),
("NM", "The husband is far, he hears from his mother, \"your wife did this, your wife did that\", and he calls and shouts at the wife. [pause] Sometimes more than shouts, when he comes back.", [DV, LM]),
("NM", "These are family matters. The makhalla and the elders solve them. Outsiders, the police, should not come into a family.", [GN, GB]),
("NM", "A girl came to school with bruises, her mother was beaten at home. The makhalla \"reconciled\" them four times. Four times! The fifth time the mother was in hospital.", [DV, GB]),
("NM", "But, honestly, in some cases the woman needs protection, not advice. Then I say, go to the makhalla women's activist, or call 1146, there's a hotline now. Some men don't like that I say it. [laughter]", [GB]),
("NM", "Alimony, yes. [laughter] Every man knows alimony. They take it from your salary.", [LL]),
("NM", "I have a lease for the plot, but what are my rights if the cluster doesn't pay? Last year they paid for the cotton after five months. Who can I complain to? The khokimiyat works with the cluster.", [LL, UN, PA]),
("NM", "In Russia I didn't know my rights either. The police there stopped us every day. Here I know a bit more, but, um, if the inspector says something, you don't argue.", [LL, LM, PA]),
("NM", "Young men with beards, the police stop them, check phones. Some of these boys are good boys, they pray, they work. When you treat them like criminals, you push them away. They stop coming to the official mosque, and then where do they go?", [PA, VG]),
("NM", "One of the boys from my brigade in Almaty, from Andijan, he was always watching those videos. He said the police here shaved his beard once. He was full of anger.", [VG, PA, LM]),
("NM", "In 2014, a boy from our makhalla, Sherali, went to Russia to work and then, from there, to Syria. His mother found out from a phone call. I taught him history, he was a quiet boy, good at football. [pause] In Russia he was alone, humiliated, somebody found him.", [VG, LM]),
("NM", "His poor mother. She still doesn't go to the to'ys.", []),
("NM", "The children are innocent. If we push them away, in ten years they will be angry young men. I spoke at Friday prayer about it, about mercy. Some people were unhappy.", [RT]),
("NM", "I'm not against the children. But people should watch. We don't know what they saw there, what they learned.", [RT]),
("NM", "A centre for returning migrants. Jobs, retraining, a lawyer for the bans.", [LM, UN, LL]),
("NM", "Before men go abroad, training. Contracts, rights, what to do if the boss doesn't pay. And what to do if someone approaches you with those ideas.", [LM, LL, VG]),
("NM", "Work with the families who came back, with the imams together, not only the police.", [RT]),
# ---------------------------------------------------------------- jizzakh_youth.vtt
("JY", "Doniyor Rasulov, nineteen. Right now, nothing. [laughter] Really, nothing. I finished college last year, electrician.", [UN]),
("JY", "Sabina Yo'ldosheva, seventeen, eleventh grade at school No. 7. I want to go to university in Tashkent, inshallah.", []),
("JY", "Ruslan Ahmedov, twenty-one. I do phone repair and I run a Telegram channel with job offers for our district.", []),
("JY", "There's a football field behind the school, but it's locked. They say the key is at the makhalla, the makhalla says it's at the school. So the boys sit on the street, or on the phone all day.", [SI, PA]),
("JY", "For one million two hundred you can't even pay the taxi. So my plan is Russia. My uncle is in Novosibirsk, he'll take me after Ramadan.", [UN, LM]),
("JY", "But the Korea exam is hard, and there are so many fake offers. Every day in my channel people send me ads like \"work in Korea, no exam, pay five hundred dollars\". I don't post them. But other channels do.", [ML, LM]),
("JY", "For girls, the Yoshlar daftari, they offered me sewing. Always sewing. [laughter] I don't want to sew. I wanted to do accounting, on the computer.", [GE, UN]),
("JY", "Um... there are fights sometimes. Between our makhalla and the next one, the boys from there. Over girls, or over nothing. After a to'y usually.", []),
("JY", "That's true, after to'ys. Somebody drinks, then a fight. Last summer one boy was in hospital with his head broken.", []),
("JY", "For girls it's different. Near the college there are boys in cars who follow you, they say things. And you can't tell your family, because then the family says \"stay home, don't go to college\". So you keep quiet.", [DV, GE, GN]),
("JY", "Yes! And online also. Somebody made a fake Instagram account with photos of girls from our school, with, like, bad captions. One girl's father took her out of school because of it.", [DV, GE, ML]),
("JY", "Nothing. The teachers said don't talk about it. The girl is at home now, they're looking for a husband for her already, I heard.", [GE, GN]),
("JY", "[pause] He said girls who go to college in the centre get a bad name. And, um, money also. My brothers went to college. I didn't.", [GE, GN]),
("JY", "Kamilaning grandmother and mine should meet. [laughter]", []),
("JY", "Telegram, but, how to say, half of it is lies. In March there was a message that all men over eighteen in Russia would be sent to the war. My mother cried for two days about my uncle. It wasn't true.", [ML]),
("JY", "And the one about the bank, that everybody should take their money out of the bank before it closes. My father believed it.", [ML]),
("JY", "There were guys, they come to the mosque or they find you online, on Odnoklassniki, on Telegram. First they're very friendly. \"Brother, how are you, do you need help, do you need money for the patent?\" Then they send you videos.", [VG, LM]),
("JY", "When you have nothing. No work, no money, your father shouts at you, the girl's family says no because you're poor. And then someone online says \"brother, you're important\". [pause]", [VG]),
("JY", "And they don't know how to check. My little brother believes every video. If it's on YouTube, it's true for him.", [ML]),
("JY", "Yes, about school. In our school there are children who came back from Syria, with their mothers. I won't say names. Some parents told their kids don't sit with them.", [RT]),
("JY", "[laughs] That's why I'm going to Russia! The girl I like, her family, they will ask for qalin, gold, a big to'y for five hundred people.", [WC, LM]),
("JY", "Seriously, my brother took a loan for his to'y. Forty million som. He's paying it back now, from Russia, and his wife lives with my parents.", [WC, LM]),
("JY", "I don't know. Maybe the school, the psychologist? We have one, but she's also the music teacher.", [SI]),
("JY", "For girls, there's a hotline, 1146, I saw it at the college. But I don't know anyone who called.", [GB]),
("JY", "In Russia I didn't know any rights. When the police stopped us, we just paid. Here too. If the inspector stops you, you don't argue.", [LL, LM, PA]),
("JY", "The inspector, Ravshan aka, he's okay as a person. But the boys are afraid, because sometimes they stop young guys and check their phones. For religious things. If you have a beard, they check more.", [PA]),
("JY", "Teachers should protect the girls who are bullied online, not send them home. And talk to parents about the Syria kids.", [GE, RT]),
("JY", "Courses for married girls that are not sewing. [laughter] And somebody to talk to the fathers, that girls can study.", [GE, GN]),
("JY", "Real jobs, here. If there's work for three million, I won't go to Russia.", [UN, LM]),
# ---------------------------------------------------------------- namangan_women.docx
("NW", "I'm Mohinur Abdullayeva, twenty-two. I'm a kelin, [laughter] married four years, I have a daughter. I live with my husband's family on Chorbog' street.", []),
("NW", "Munisa Qodirova, twenty-six. I finished law at the university in Namangan, and now I volunteer twice a week at the free legal aid point in the district.", []),
("NW", "Gulchehra Rahmonova, thirty, the oldest! [laughter] I'm divorced, I have one son, I sell clothes at the bazaar.", []),
("NW", "For me it's work. There is no work for women except the bazaar or the cotton. And at the bazaar, you know, the men who collect the rent, the looks, the jokes. Every day.", [UN, DV]),
("NW", "And the road to the college. It's mud in spring. I go with my boots and change shoes there.", [SI]),
("NW", "I married at eighteen. I was in the first year of college. They said \"a good family asked, we can't refuse\". So I left college.", [GE, GN]),
("NW", "Mine said, \"A kelin's college is the kitchen.\" [laughter] It's funny, but it's not funny.", [GE, GN]),
("NW", "Yes. In my class already two girls are engaged. [pause] My parents also... um, people come to ask for me. My mother says, after the exams, we'll see.", [GN, GE]),
("NW", "That's exactly it. The girl doesn't decide. Legally she can't marry before eighteen, but families do the nikah at seventeen with the domla, and register later. Or never.", [GN, LL]),
("NW", "On the way home from work, in the evening, there are no street lights after the mosque. I call my brother to meet me. If he's not home, um, I walk fast and talk on the phone, so they think someone is listening.", [SI]),
("NW", "And in the marshrutka, men sit too close. You can't say anything, or they say you're shameless.", [DV, GN]),
("NW", "She was married, the husband controlled everything, her phone, where she goes, even what she cooks. If she visited her mother without asking, he would shout, then hit. The qaynona said \"he's a man, be patient, all men are like this\".", [DV, GN]),
("NW", "When she went to the makhalla, they called both families and made them reconcile. They wrote a paper that he would not do it again. One month later, again.", [GB]),
("NW", "This happens a lot. The makhalla wants \"no divorce\" statistics. They call it reconciliation, yarashtirish.", [GB, PA]),
("NW", "Finally she went to the rehabilitation centre in Namangan city, with her son. They were kind, there was a psychologist, a lawyer. But after that, where do you go? Back to your parents, and your father is ashamed of you.", [GB, GN]),
("NW", "Well, she can ask the inspector for a protection order. It's thirty days, the husband must not come near her or contact her. If he breaks it, that's an administrative offence, and then criminal. She can call 1146 at any hour.", [GB]),
("NW", "Munisa, honestly, I didn't know half of that. Part of the house? Our house is in my father-in-law's name.", [LL]),
("NW", "I went to the bailiffs, the court, the bailiffs again. Three times. Munisa helped me write the papers, otherwise I would have given up.", [LL, PA]),
("NW", "Yes, in Moscow, three years. He sends money by Sberbank transfer every month, but the money comes to my qaynona's card, not mine. [pause] So if I need something for the boys I have to ask.", [LM, GN]),
("NW", "They'll sit at the choyxona and tell the women what to wear. [laughter]", [GN, UN]),
("NW", "Through the Ayollar daftari some women got help, a sewing machine, a loan for a cow, or a greenhouse. I help with the lists. But many women who need it don't ask, because the husband says \"we're not poor, don't shame us\".", [UN, GN]),
("NW", "During the pandemic our family was in the Temir daftar, we got flour and oil twice. It helped. But the neighbours said we were on the list because my uncle knows the rais.", [PA, UN]),
("NW", "At our bank half the consumer loans in spring and autumn are for weddings. People borrow for the to'y, then the son goes to Russia to pay it back.", [WC, LM]),
("NW", "And the girl, after such an expensive wedding, can't leave even if it's very bad, because \"look how much we spent\".", [WC, GN]),
("NW", "And many lies in it. Last month someone wrote that a black car was kidnapping girls near the college. Everyone's parents kept them at home for a week. Then the police said it was not true.", [ML, GE]),
("NW", "My qaynona watches religious videos on her phone all day. Some preacher said women who work outside go to hell. She showed it to me so I understand. [laughter]", [GN, ML]),
("NW", "There are groups online that look for young women, lonely women, women whose husbands are away. They start as \"sisters\", helping, teaching religion, and then it becomes something else. That's how some women ended up in Syria.", [VG]),
("NW", "Last winter I went to the khokimiyat about the gas, with three other women. I had told Gulchehra opaga I would go. We waited four hours, then a young man wrote our names and said \"it's a problem for the whole region, sister\". Nothing changed.", [PA, SI]),
("NW", "The makhalla chairman, Ergash aka, is a good man but old-fashioned. He thinks every divorce is a disaster for the makhalla.", [PA, GN]),
("NW", "And they know everybody. If you complain about your husband, the next day the whole makhalla knows. That's the biggest fear.", [GB, PA]),
("NW", "The money from Russia should come to the wife's card. [laughter] I'm serious. And gas.", [LM, GN, SI]),
("NW", "A psychologist for the children who came back, and for women after violence. Here, not only in the city.", [RT, GB]),
# ---------------------------------------------------------------- namangan_youth.docx
("NY", "Sardor, twenty. I study at the engineering institute in Namangan city, third year, I go every day by bus.", []),
("NY", "Work. Real work, with a salary. Everyone is either in the bazaar, like me, or in Russia.", [UN, LM]),
("NY", "Well... for a boy, if he goes out at night, it's normal. If a girl goes to a café with her friends at seven in the evening, the next day the whole street says she's \"spoiled\". My brother is younger than me, he comes home at eleven. I have to be home before dark.", [GN]),
("NY", "It's true, and the boys on the corner, they make comments when you walk past. You can't say anything back.", [DV]),
("NY", "Not all boys. [laughter]", []),
("NY", "I want to go to Tashkent, to the university, to study law. But my father says... he says first think about the family, if a good family asks for you, nikah, then you can study after. Everyone knows \"after\" never comes.", [GE, GN]),
("NY", "And the contract is expensive. My college is OK, but for the institute, eight, nine million a year. If the family has two sons and one daughter, who do you think they pay for?", [GE]),
("NY", "The boss, a Kazakh guy, fine, but the middleman, an Uzbek, he took part of our money every month. \"For the registration,\" he said. What registration? Nobody knew.", [LM, LL]),
("NY", "I came back because my mother wants me to get married. [laughter] Seriously. And for a wedding you need money, so I'll probably go back in autumn.", [WC, LM]),
("NY", "In our makhalla there was a guy who collected money, said he would send people to Korea without the exam, through some agency. He had the ads everywhere, this number, +998 94 276 51 83. Then he disappeared. My friend's father gave him two thousand dollars.", [ML, LM]),
("NY", "That's why I say, nobody teaches you how to check. There is the agency for labour migration, there is the official site, but who reads it? Everyone believes their neighbour.", [ML, LM]),
("NY", "Behruz is sixteen and lives in TikTok. [laughter]", []),
("NY", "My qaynona believes everything from the women's groups. Everything. Once she sent me a video that a certain medicine causes cancer, and she stopped taking her pills.", [ML]),
("NY", "And before that, a voice message that some men in a white car are kidnapping girls near the college. My mother didn't let me go to classes for three days.", [ML, GE]),
("NY", "He was in Russia, he had problems, no documents, no money. Someone in a Telegram chat wrote to him, first about work, then sent him lectures, religious, then about how Muslims are humiliated in Russia, about \"hijra\".", [VG, LM]),
("NY", "For girls it's different, it's on Instagram. My friend from college, a woman wrote to her, very sweet, \"sister\", sending nice pictures about modest life, then offered to find her a husband, a \"good brother\" abroad. She showed us. We told her block, block.", [VG]),
("NY", "No! [laughter] If she tells the police, they will come to her house, her father will take her phone and not let her study. Better to block and be quiet.", [PA, GE]),
("NY", "The inspector is Ravshan aka. He's okay. He helped me when someone stole screens from my kiosk. He found them in two days.", [PA]),
("NY", "A girl marries at eighteen, nineteen, she doesn't know anything: not her rights, not what papers she needs. Some families do only nikah with the domla, no ZAGS.", [LL]),
("NY", "I have a friend, Sevara, her husband is in Russia, only nikah, and now he doesn't send money, doesn't call. She asked me what to do. I didn't know. Can she get alimony?", [LL, LM]),
("NY", "And the qaynona says this is how it is in every family. Sevara's mother-in-law told her \"my husband also beat me, and look, I'm alive\". [silence]", [DV, GN]),
("NY", "There's a centre in the city, a rehabilitation centre. My aunt Zulfiya works at the regional women's committee, she told me about it. But nobody in our makhalla would go. It's a shame for the family.", [GB, GN]),
("NY", "And if you do a small to'y, the makhalla says you're poor or stingy. The girl's side says \"our daughter isn't cheap\".", [WC]),
("NY", "At our college there is a girl, she came back as a child, with her mother. Now she's like all of us. But at first the teachers were afraid to sit her with others. One teacher said out loud \"be careful with her\".", [RT]),
("NY", "Teach media literacy in school and college. How to check a message before forwarding. And open the stadium in the evenings.", [ML, SI]),
("NY", "Let girls go out. [laughter] I mean, safe places: lights on the street, a bus in the evening from the college, so parents are not afraid.", [GN, SI, GE]),
("NY", "A youth centre that is open every day. Not only when the khokimiyat comes. [laughter]", [SI, PA]),
("NY", "I promise it goes further than a drawer. Rahmat, everyone.", []),
]

# fmt: off
# Segments written for this set (synthetic, same style as the demo transcripts).
WRITTEN = [
# --- procedure, small talk, introductions: no code ---------------------------------
("Can everyone hear me at the back? If not, move your chairs a little closer, the fan is loud.", []),
("Let's take a ten-minute break for tea, and then we'll continue with the second part.", []),
("Before we start, please turn your phones to silent. If you need to take a call, just step outside.", []),
("Is the recorder on? The red light, yes. Okay, we're recording.", []),
("I'm [PERSON_2], thirty-one, I have two daughters and I work at the post office.", []),
("Sorry, I have to leave at five, my son finishes football practice then.", []),
("The plov at [PERSON_4]'s to'y last week was the best I've eaten this year. [laughter]", []),
("My cousin got married in May, it was a lovely wedding, and the weather was perfect.", []),
("Thank you, everyone. We will send the summary to the makhalla office next month, without names.", []),
("My daughter is learning Russian at school, she says she wants to read Russian novels in the original. [laughter]", []),
("We watched the football at the choyxona, Uzbekistan against Iran. Everyone was shouting. [laughter]", []),
("The police band played at the Navro'z concert in the park, and the children loved it.", []),
("Please say your first name before you speak, so the note-taker knows who is talking. Only first names.", []),
("The water is on the table, and there are biscuits, please help yourselves.", []),
("Rahmat, opa, that was very clear. Who wants to go next?", []),
("I agree with what she said. [pause] I don't have anything to add.", []),
("My phone is almost dead, can someone lend me a charger?", []),
("Last year we went to the mountains for Navro'z with the whole family, the children still talk about it.", []),
("I'm a teacher at school number 5, I teach chemistry, twenty years already.", []),
("When my son graduated from university, we had a small party at home with the neighbours.", []),
("My husband works at the khokimiyat, in the archive. He says it's the quietest room in the building. [laughter]", []),
("Who took the attendance sheet? We need everyone's signature on the consent form.", []),
("We waited under the shelter at the bus stop and talked until the rain stopped.", []),
("In our Telegram group we mostly share recipes and photos of the grandchildren, nothing serious.", []),
("My nephew plays basketball on the court behind the school every evening with his friends.", []),
("I have a debt of gratitude to my neighbours; they cooked for us every day when my father was ill.", []),
("He returned from the market with a bag of apricots and gave half of them to the neighbours.", []),
("They showed a film about Syria on television, about the old city of Damascus, very beautiful.", []),
("My son's friend recruited him into the school chess club, and now he plays every day.", []),
("Our uncle came back from Afghanistan in the eighties, he was a soldier then. He never talks about it.", []),
("The makhalla organised a clean-up day on Saturday, and everyone planted trees along the canal.", []),
("In our family my father never raised his voice at my mother. He always said the house is hers.", []),
("[crosstalk] Wait, wait, one at a time, please.", []),
# --- fits a code without (or with few) of its keywords -----------------------------
("When he drinks, she sleeps at her sister's with the children, and in the morning she comes back with her face covered.", [DV]),
("He takes her salary card on the first of every month and gives her money only for bread.", [DV]),
("Half the houses on our street have only old people and small children now; the men are all in Yekaterinburg or Novosibirsk.", [LM]),
("Every month the mothers stand in line at the bank in the district centre, waiting for the transfer from their sons.", [LM]),
("After the ninth class her father said she had learned enough and should help her mother until someone asks for her.", [GE, GN]),
("The boys stand at the corner every evening; nobody hires them, nobody even calls them for the cotton.", [UN]),
("They sold the cow and half the orchard so that four hundred people could eat at their son's marriage, and now there is nothing left for the winter.", [WC]),
("Nobody told her that a marriage read only by the mullah gives her nothing in the eyes of the state.", [LL]),
("My neighbour forwarded a voice message saying the bread would be poisoned on Friday, and the whole street stopped buying from the bakery.", [ML]),
("The little boy who was brought home from the camps two years ago still wakes up screaming at night, and the other children will not play with him.", [RT]),
("Someone is telling the boys after Friday prayers that their parents' faith is wrong and that real men go to fight for it.", [VG]),
("The nearest place where a woman can sleep safely for a few nights with her children is three hours away by bus.", [GB]),
("In March the mud is knee-deep and the emergency car cannot reach the upper houses; people carry the sick down on their backs.", [SI]),
("If you want your papers quickly you put something inside the folder; otherwise you come back ten times.", [PA]),
("When she said she wanted to become a driver, her brothers laughed and said a woman behind the wheel brings shame on the family.", [GN]),
("The kelin is the first to get up and the last to go to sleep; that is how it has always been, and nobody asks if she is tired.", [GN]),
("He has not sent anything since the New Year and his phone is switched off. The children keep asking when papa will come from Moscow.", [LM]),
("My son sits at home with a diploma and no work, and every morning his father shouts at him about it.", [UN]),
("People read the news only from the district channel and believe whatever the admin posts, even when there is no source.", [ML]),
("They took the fourteen-year-old from the road in the evening, put her in a car, and the next day both families said it was a wedding.", [DV]),
("In the adaptation centre they gave her a bed for ten days, and then asked who would come to take her.", [GB]),
("Since the lamp posts were put up along the road to the school, the girls from the upper street come to the evening classes again.", [SI, GE]),
("Last winter a young kelin in the next village drank vinegar after her mother-in-law beat her in front of the guests.", [DV]),
("He locks her in the house when he goes to work and takes the key with him.", [DV]),
("The boys follow the girls home from school on their bikes and shout things, and one of them grabbed my niece's bag.", [DV]),
("Honestly, I think a husband sometimes has to show his wife who is in charge, otherwise the family falls apart.", [GN]),
("My husband decides everything, even which doctor I can see. It's normal, he is the head of the family.", [GN]),
("The old men at the mosque say a woman's voice should not be heard at the makhalla meeting.", [GN]),
("A good daughter-in-law does not answer back; that is what my mother told me the night before my wedding.", [GN]),
("In our village a divorced woman cannot even go to a wedding without people whispering behind her.", [GN]),
# --- keyword present, but another code or none -------------------------------------
("My neighbour's daughter came back from Kazakhstan after three years of work, and now she runs a small café here.", [LM]),
("My son returned from Russia last month; he's helping his father in the garden until the season starts.", [LM]),
("The rehabilitation programme for the women brought back from Iraq lasted six months, and after that they were on their own.", [RT]),
("They told him that if he goes to fight, his debts will be forgiven and his family will be looked after.", [VG]),
("There's one psychologist for the whole district, and she comes to the clinic only on Wednesdays.", [SI]),
("The cluster pays us for the cotton six months late, so we borrow from the shop just to eat.", [UN]),
("If the khokim paid as much attention to our road as he does to the wedding rules, we would have asphalt by now.", [SI, PA]),
("My brother went to Syria in 2015. Now his wife and three children are back, and the neighbours still won't greet them.", [RT]),
("Some armed group across the border was paying young men from the villages, and three boys from our jamoat went.", [VG]),
("The recruitment fair at the district khokimiyat offered two hundred places at the new textile factory, and we queued all morning.", [UN]),
("Water comes once a week, and the quarrels in the queue sometimes end with the men fighting.", [SI]),
("Our youth leader got us a free computer course through the Yoshlar daftari, and three of us found work after it.", [UN, PA]),
("They say the new bridge will be finished by autumn. We'll see. [laughter]", [SI]),
# --- two or three codes --------------------------------------------------------------
("My husband has been in Russia for six years; his mother holds his money and I have to ask her even for the bus fare.", [LM, GN]),
("The wedding cost us thirty million, so my son left for Kazakhstan a week after it, and his young wife stayed with us.", [WC, LM]),
("When he came back from Russia with an entry ban, he started beating her, and the makhalla told her to be patient.", [LM, DV, GB]),
("The girls stop going to college in winter because the road has no lights and the last bus leaves at five.", [GE, SI]),
("They married her at sixteen to a man twice her age, and she had to leave school in the eighth grade.", [GE, GN]),
("He lost his job at the factory, and after that his phone was full of videos of some preacher saying the state is the enemy.", [UN, VG]),
("My nephew was recruited on a building site in Moscow; a man offered him a better job and then took him to Turkey.", [VG, LM]),
("The woman who came back from Syria cannot get a passport for her daughter, and the khokimiyat sends her from one office to another.", [RT, PA]),
("Someone posted on Instagram that the women who came back from Iraq were spreading a disease, and mothers took their children out of the kindergarten.", [ML, RT]),
("The qaynona took the kelin's passport so she cannot go to her parents, and the inspector said it is a family matter.", [DV, GB]),
("Women here don't know that they can get alimony through the court from a husband who works in Russia.", [LL, LM]),
("He paid a man on Telegram three hundred dollars for a Korean work visa that never existed.", [ML, LM]),
("Because there is no work in the village, the boys leave for Russia at eighteen, and some come back very different.", [UN, LM]),
("We asked the hukumat for a kindergarten for three years; they said there was no budget, but they built a new fountain in front of their own building.", [SI, PA]),
("My sister was beaten so badly she went to hospital, but the doctors wrote that she fell down the stairs, and nobody called the police.", [DV, GB]),
("The uchastkovy visits the returned family every week and the neighbours see his car, so nobody wants to rent them a flat.", [RT, PA]),
("The groom's side asked for a big qalin, and her father decided she would marry at seventeen into the family that could pay it.", [WC, GN]),
("Young men without work sit on their phones all night and believe anything a stranger sends them.", [UN, ML]),
("The crisis centre has a hotline, but it only answers during office hours, and women are beaten at night.", [GB, DV]),
("Since the district inspector started coming to our women's meetings, two women have asked him for protection orders.", [GB, PA]),
("Girls don't go to the technical college because people say it's for boys, and anyway the family needs the money for the brother's wedding.", [GE, GN, WC]),
("He worked in Kazakhstan for ten years without a contract, he didn't know he needed one, and now none of those years count for his pension.", [LM, LL]),
("A fake account on Odnoklassniki wrote to my daughter pretending to be a boy from her class, and then it started asking for her photos.", [ML, DV]),
("When the makhalla chairman said at the meeting that a wife who leaves her husband shames her parents, no woman dared to complain after that.", [GN, GB]),
("The electricity goes off every evening, and in the dark the boys drink behind the school and bother the girls who walk home.", [SI, DV]),
("Nobody trusts the lists for the Temir daftar; the same families get flour every time because they are relatives of the rais.", [PA, UN]),
("A girl from our street answered an advert for a waitress job in Dubai, and her family has not heard from her since.", [ML, LM]),
("Our young men in Russia are humiliated by the police every day, and the recruiters use exactly that anger.", [LM, VG]),
("The teenagers have no club, no sports hall, nothing, so they spend their evenings in closed chats where strangers send them videos about jihad.", [SI, VG]),
("The boys who feel humiliated by our police are the easiest for those groups; they tell them, we will give you respect.", [VG, PA]),
("My son can't tell a scholar from a recruiter on YouTube. Whatever sounds confident, he believes, and that is how they get the boys.", [VG, ML]),
("Her brothers told her that a daughter has no share in the father's house, and she believed them; nobody told her the law says otherwise.", [LL, GN]),
("I didn't know I could complain to the prosecutor about my unpaid wages; I thought the boss was the law.", [LL, UN]),
("The lawyer who came last month explained the new law on violence against women, and afterwards two women asked how to get a protection order.", [LL, GB]),
("When the gas is off, the kelin has to get up at five to light the stove before the qaynona wakes.", [SI, GN]),
("He beat her because dinner was late, and his mother said a wife who gets beaten must have deserved it.", [DV, GN]),
("The hukumat chairman told the women's committee that divorces make the district look bad, so they must keep families together at any cost.", [GB, PA]),
("When we complained about the gas, the hukumat said it was a regional problem and sent us home.", [PA, SI]),
("Girls from our village drop out after the ninth grade because the only college is across the river and there is no bridge.", [GE, SI]),
("Every month the uchastkovy calls the returned woman to the station to sign a paper, and her employer fired her because of it.", [RT, PA]),
("In the dormitory in Moscow someone passed around videos of fighters and said that is how a real Muslim lives.", [VG, LM]),
("My cousin came back from Russia with a five-year ban and owes money for the wedding he had before he left.", [LM, WC]),
("Since her husband left for Russia, my neighbour's son stopped going to school; he works at the bazaar to feed his sisters.", [LM, UN]),
("The police here take money for everything, from a lost passport to a car accident.", [PA]),
# --- single codes, other styles and Tajikistan contexts -----------------------------
("In our jamoat every second family lives on money from Russia; when the rouble fell, people stopped building.", [LM]),
("Brides in our village still bring a whole room of furniture and forty blankets, and families save for it from the day a girl is born.", [WC]),
("The mullah reads the nikoh and everyone thinks they are married, but without registration at ZAGS the wife has no rights at all.", [LL]),
("For the circumcision feast of their two boys they invited three hundred guests and borrowed from everyone in the street.", [WC]),
("The rules say no more than two hundred guests, but the rich families just pay the fine and carry on.", [WC]),
("Even the funeral meals have become a competition, with meat for the whole makhalla for forty days.", [WC]),
("We need a lawyer who comes to the makhalla and explains inheritance and registration in simple Uzbek.", [LL]),
("My mother believes every health video on YouTube; she stopped her blood pressure pills because a 'doctor' online said so.", [ML]),
("People lost money to a fake lottery on Telegram that promised a car for a hundred thousand sum.", [ML]),
("The new district police chief holds an open meeting every month, and people actually bring their problems now.", [PA]),
("There are no street lights from the bus stop to our houses, so after six no woman walks alone.", [SI]),
("The clinic has one doctor for four villages and no medicines, so people go to the healer instead.", [SI]),
("The kindergarten has thirty places and two hundred children on the list.", [SI]),
("The contract fee for the university is so high that families pay for the son first and tell the daughter to wait.", [GE]),
("Women would gladly work, but the only sewing workshop closed last year and the greenhouse jobs go to men.", [UN]),
("In Khatlon the young men wait at the bazaar every morning with their shovels, hoping someone needs a labourer for a day.", [UN]),
("The women's adviser in the makhalla gave her the hotline number on a piece of paper and told her to hide it in her shoe.", [GB]),
("The protection order lasted thirty days, and on the thirty-first day he was back at the gate.", [GB]),
("She wanted to go to the shelter, but they only take women with up to two children, and she has four.", [GB]),
("The inspector refused to register her complaint and told her to go home and make peace with her husband.", [GB]),
("My wife's cousin works at the rehabilitation centre in the city; she says they are always full and turn women away.", [GB]),
("A man with a nice car was giving the teenagers money for phone credit and then inviting them to 'religious lessons' at a rented flat, where they watched videos of fighters.", [VG]),
("My neighbour's son stopped praying at our mosque and said the imam is an agent of the state; then he disappeared for a week.", [VG]),
("In the chat they first talked about football, then about injustice, and then they sent him a link to a group that was later banned.", [VG]),
("The extremists don't come with beards and flags any more; they come as friends who help you find a job.", [VG]),
("Women are recruited too: a 'sister' online offers marriage to a pious man abroad and pays for the ticket.", [VG]),
("The repatriated children in our district need a psychologist, not only a police file.", [RT]),
("At first I was afraid of the woman who came back from Iraq, I admit. Then she started sewing for us, and now we drink tea together.", [RT]),
("The school accepted the boy who came back from Syria only after the khokimiyat wrote a letter; before that the director said there was no place.", [RT]),
("When families come back from the camps, the makhalla should prepare the neighbours first, so the children are not called names.", [RT]),
("My cousin came back from Syria with two little ones; her husband died there, and no one will give her work.", [RT]),
("People say the women who came home from Syria went there of their own free will and should be punished. I think many just followed their husbands.", [RT]),
("The returned teenagers are bored and watched all the time; if nobody gives them a place, the old contacts will find them again.", [RT]),
("In our district the repatriated widows got a small house from the hukumat, but the neighbours still won't let their children play together.", [RT]),
("The imam visited the family that came back from Iraq, and after that the women at the gap made room for her.", [RT]),
("She came back from the camps in Syria in 2019 and still has no birth certificate for the youngest, so he cannot go to the kindergarten.", [RT]),
("Some families here have relatives who were brought back from Syria. How do people treat them?", [RT]),
("Two boys who came back from Syria joined our football team last year; the other parents complained at first, but now nobody remembers.", [RT]),
("And the women, where can a woman go here if her husband beats her? Is there anywhere?", [GB]),
("In this makhalla, who decides whether a girl continues after the ninth grade, the father or the mother?", [GE, GN]),
("Let's talk about money. How do families here manage, is there work?", [UN]),
("Next question is about weddings. How much does a to'y cost here now, and who pays?", [WC]),
("You said earlier that people don't trust the police. Can you give an example?", [PA]),
("Where do you get your news, and how do you decide whether a message is true?", [ML]),
("My daughter-in-law is a good girl, she works at the pharmacy and we are proud of her. [laughter]", []),
("The new road to the district centre was finished in spring, and now the bus takes twenty minutes instead of an hour.", [SI]),
("My sister is a lawyer in Tashkent. She comes home every summer for two weeks.", []),
("At the makhalla meeting we chose who will organise the Navro'z celebration this year.", []),
("My son is studying in Moscow at the university, on a scholarship; we are very proud.", []),
]


def sentences(text: str) -> int:
    t = re.sub(r"\[[^\]]*\]", " ", text)
    t = t.replace("...", " ")
    return max(1, len(re.findall(r"[.!?]+(?=[\s\"']|$)", t.strip())))


def build() -> list[dict]:
    book = yaml.safe_load((ROOT / "codebooks" / "drivers.yaml").read_text(encoding="utf-8"))
    order = {c["id"]: i for i, c in enumerate(book["codes"])}
    turns = {k: read_turns(v) for k, v in SOURCES.items()}
    pseud = {k: Pseudonymiser(v, turns[k]) for k, v in SOURCES.items()}
    rows, problems = [], []
    for i, (src, excerpt, codes) in enumerate(DEMO, 1):
        ex = _norm(excerpt)
        if not any(ex in t for _, t in turns[src]):
            problems.append(f"demo-{i:03d}: not found in {SOURCES[src]}: {ex[:70]!r}")
        rows.append({"id": f"demo-{i:03d}", "text": pseud[src](ex), "codes": sorted(codes, key=order.__getitem__),
                     "source": f"demo/corpus/{SOURCES[src]}"})
    for i, (text, codes) in enumerate(WRITTEN, 1):
        rows.append({"id": f"new-{i:03d}", "text": _norm(text), "codes": sorted(codes, key=order.__getitem__),
                     "source": "written"})
    if problems:
        raise SystemExit("\n".join(problems))
    return rows


def validate(rows: list[dict]) -> None:
    book = yaml.safe_load((ROOT / "codebooks" / "drivers.yaml").read_text(encoding="utf-8"))
    valid = [c["id"] for c in book["codes"]]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate texts"
    names = set()
    gold = yaml.safe_load((ROOT / "demo/corpus/NAMES_part1.yaml").read_text(encoding="utf-8"))
    gold.update(yaml.safe_load((ROOT / "demo/corpus/NAMES_part2.yaml").read_text(encoding="utf-8")))
    for e in gold.values():
        names.update(t for n in e["names"] for t in n.split() if t[:1].isupper() and t != "Domla")
    for r in rows:
        assert set(r) == {"id", "text", "codes", "source"}, r["id"]
        assert r["codes"] == list(dict.fromkeys(r["codes"])), f"repeated code in {r['id']}"
        bad = [c for c in r["codes"] if c not in valid]
        assert not bad, f"{r['id']}: unknown codes {bad}"
        n = sentences(r["text"])
        assert 1 <= n <= 4, f"{r['id']}: {n} sentences"
        if r["source"] != "written":
            left = [t for t in names if re.search(r"(?<![\w\[])" + re.escape(t) + r"(?!\w)", r["text"])]
            assert not left, f"{r['id']}: name left {left}"
        assert not re.search(r"\+?\d[\d ()-]{7,}\d", r["text"]), f"{r['id']}: phone-like string"


def report(rows: list[dict]) -> str:
    book = yaml.safe_load((ROOT / "codebooks" / "drivers.yaml").read_text(encoding="utf-8"))
    valid = [c["id"] for c in book["codes"]]
    out = []
    for part, sel in (("all", rows), ("demo", [r for r in rows if r["source"] != "written"]),
                      ("written", [r for r in rows if r["source"] == "written"])):
        cnt = Counter(c for r in sel for c in r["codes"])
        k = Counter(min(len(r["codes"]), 2) for r in sel)
        out.append(f"{part}: {len(sel)} segments; 0 codes {k[0]}, 1 code {k[1]}, 2+ codes {k[2]}"
                   f" (of which 3 codes {sum(len(r['codes']) == 3 for r in sel)})")
        if part == "all":
            out += [f"  {c:26s} {cnt[c]:4d}" for c in valid]
        else:
            out.append("  " + ", ".join(f"{c}={cnt[c]}" for c in valid))
    return "\n".join(out)


def main() -> None:
    rows = build()
    validate(rows)
    if "--check" not in sys.argv:
        with (HERE / "drivers_labelled.jsonl").open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(report(rows))


if __name__ == "__main__":
    main()
