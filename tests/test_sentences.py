# ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/):
# the cases whose id starts with "ecb-" are short excerpts of the `text` field of the ECB+ record named in the id
# (/work/shared/corpora/ecbplus/ecbplus_docs.jsonl). That text has one sentence or headline per line; where a case
# is about something other than line breaks, consecutive lines are joined with a space.
"""Tests of extract.ingest.sentences: a table of real and written cases, offsets, properties and the seed pages.

Case ids say where the text comes from: "ecb-<doc_id>-..." (ECB+, see above), "seed000-..." and "seed002-..."
(the seed pages in seeds/) or "written-..." (written for this test; the hard-wrapped newswire cases imitate agency
copy and copy none).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extract.ingest.sentences import Sentence, split_sentences
from tests.helpers import SEEDS, shared_path


def xfail(reason: str) -> pytest.MarkDecorator:
    """A known failure, kept in the table so that a fix shows up (strict: an unexpected pass fails)."""
    return pytest.mark.xfail(strict=True, reason=reason)


CASES = [
    # --- Abbreviations: titles, months, No., Inc., states, vs., etc. never end a sentence (rule 2) -----------------
    pytest.param(
        "ABC will broadcast the awards show on Feb. 22. Its producers said they hoped to achieve multiple goals with the casting of Mr. Jackman.",
        [
            "ABC will broadcast the awards show on Feb. 22.",
            "Its producers said they hoped to achieve multiple goals with the casting of Mr. Jackman.",
        ],
        id="ecb-2_3ecb-month-and-title",
    ),
    pytest.param(
        '"It certainly did not escape us that Hugh looks terrific in a tuxedo," Mr. Mark said. With any luck, a host plucked from within the movie industry\'s own ranks - and less emphasis on stand-up comedy, which has often been at the expense of people sitting in the audience - will also play well inside the Kodak Theater.',
        [
            '"It certainly did not escape us that Hugh looks terrific in a tuxedo," Mr. Mark said.',
            "With any luck, a host plucked from within the movie industry's own ranks - and less emphasis on stand-up comedy, which has often been at the expense of people sitting in the audience - will also play well inside the Kodak Theater.",
        ],
        id="ecb-2_3ecb-mr-said",
    ),
    pytest.param(
        "Nichols was convicted of overpowering a sheriff's deputy before killing Superior Court Judge Rowland Barnes, court reporter Julie Ann Brandau, Sheriff's Deputy Sgt. Hoyt Teasley and U.S. Customs Agent David Wilhelm. The Journal-Constitution said Nichols, who also received an additional sentence of 485 years, offered a show of remorse before his sentence was announced Saturday.",
        [
            "Nichols was convicted of overpowering a sheriff's deputy before killing Superior Court Judge Rowland Barnes, court reporter Julie Ann Brandau, Sheriff's Deputy Sgt. Hoyt Teasley and U.S. Customs Agent David Wilhelm.",
            "The Journal-Constitution said Nichols, who also received an additional sentence of 485 years, offered a show of remorse before his sentence was announced Saturday.",
        ],
        id="ecb-3_5ecb-sgt",
    ),
    pytest.param(
        "Just past 4 p.m. Friday, Vancouver Police received a call of a man being shot at 40 East 5th Ave. at a business called Tall Grass Distribution Limited. Police say a recently laid off employee opened fire shortly after entering the party, killing one male employee. At least a dozen workers were at the party at the time.",
        [
            "Just past 4 p.m. Friday, Vancouver Police received a call of a man being shot at 40 East 5th Ave. at a business called Tall Grass Distribution Limited.",
            "Police say a recently laid off employee opened fire shortly after entering the party, killing one male employee.",
            "At least a dozen workers were at the party at the time.",
        ],
        id="ecb-18_8ecb-ave",
    ),
    pytest.param(
        'In 2005, Time Warner Inc. and HBO Films released "The Notorious Bettie Page," a feature film starring Gretchen Mol as Page. Page avoided the camera lens after her modeling years, though she was photographed with Hefner at Playboy\'s 50th anniversary celebration in 2003.',
        [
            'In 2005, Time Warner Inc. and HBO Films released "The Notorious Bettie Page," a feature film starring Gretchen Mol as Page.',
            "Page avoided the camera lens after her modeling years, though she was photographed with Hefner at Playboy's 50th anniversary celebration in 2003.",
        ],
        id="ecb-4_7ecb-inc",
    ),
    pytest.param(
        "A source tells The Associated Press that the Liz & Dick star is now receiving treatment at the Betty Ford Center in Rancho Mirage, Calif. where she has spent time before. Lohan caused a stir on Thursday after she checked out of Morningside Recovery after only a few minutes, risking jail time with a probation violation.",
        [
            "A source tells The Associated Press that the Liz & Dick star is now receiving treatment at the Betty Ford Center in Rancho Mirage, Calif. where she has spent time before.",
            "Lohan caused a stir on Thursday after she checked out of Morningside Recovery after only a few minutes, risking jail time with a probation violation.",
        ],
        id="ecb-1_19ecbplus-state",
    ),
    pytest.param(
        "The Seattle vs. New Orleans game will be the first one on wild card weekend, with kickoff scheduled for 1:30 p. m. PST. Seattle is the big underdog in this game, even though it is the team hosting the game.",
        [
            "The Seattle vs. New Orleans game will be the first one on wild card weekend, with kickoff scheduled for 1:30 p. m. PST.",
            "Seattle is the big underdog in this game, even though it is the team hosting the game.",
        ],
        id="ecb-25_5ecbplus-vs",
    ),
    pytest.param(
        "\"We were searching,\" Juror No. 12 said. An angry Nichols was recorded saying he didn't regret the four murders and would have taken his rampage to the DA's office in the courthouse if given the chance again.",
        [
            '"We were searching," Juror No. 12 said.',
            "An angry Nichols was recorded saying he didn't regret the four murders and would have taken his rampage to the DA's office in the courthouse if given the chance again.",
        ],
        id="ecb-3_4ecb-no-before-number",
    ),
    pytest.param(
        "\"No. I've done it. Trust me.",
        ['"No.', "I've done it.", "Trust me."],
        id="ecb-1_11ecb-no-as-a-word",
    ),
    pytest.param(
        '"Police locked down the neighbourhood and negotiated with the suspect, who gave himself up to police just after 6 p.m.," Fanning said in the statement. The business at the location of the shooting is listed at TallGrass Distribution Ltd., a natural health product supplier.',
        [
            '"Police locked down the neighbourhood and negotiated with the suspect, who gave himself up to police just after 6 p.m.," Fanning said in the statement.',
            "The business at the location of the shooting is listed at TallGrass Distribution Ltd., a natural health product supplier.",
        ],
        id="ecb-18_11ecb-ltd",
    ),
    pytest.param(
        "In Congress, Rep. Edward Markey, D-Mass., called a hearing to review the regulations and said members would work to restore the act. Rep. Nick Rahall, D-W.Va., said members may try to eliminate the regulations by using a special congressional act that allows the review of newly adopted administrative rules.",
        [
            "In Congress, Rep. Edward Markey, D-Mass., called a hearing to review the regulations and said members would work to restore the act.",
            "Rep. Nick Rahall, D-W.Va., said members may try to eliminate the regulations by using a special congressional act that allows the review of newly adopted administrative rules.",
        ],
        id="ecb-9_3ecb-rep-and-states",
    ),
    pytest.param(
        "Single App Mode and Guided Access let you lock people into one app, for parental control, education, testing, museum tours, etc.\nForstall introduced a whole new app, too, called Passbook.",
        [
            "Single App Mode and Guided Access let you lock people into one app, for parental control, education, testing, museum tours, etc.",
            "Forstall introduced a whole new app, too, called Passbook.",
        ],
        id="ecb-40_11ecbplus-etc-before-newline",
    ),
    pytest.param(
        "Codes for boarding passes (United, Amtrak), store cards (Starbucks, Target), tickets (Fandango, SF Giants), reservations (W Hotels), etc. are all collected in one app.",
        [
            "Codes for boarding passes (United, Amtrak), store cards (Starbucks, Target), tickets (Fandango, SF Giants), reservations (W Hotels), etc. are all collected in one app."
        ],
        id="ecb-40_11ecbplus-etc-inside",
    ),
    pytest.param(
        "Single App Mode and Guided Access let you lock people into one app, for parental control, education, testing, museum tours, etc. Forstall introduced a whole new app, too, called Passbook.",
        [
            "Single App Mode and Guided Access let you lock people into one app, for parental control, education, testing, museum tours, etc.",
            "Forstall introduced a whole new app, too, called Passbook.",
        ],
        id="ecb-40_11ecbplus-etc-at-sentence-end",
        marks=xfail("rule 2: a sentence ending in an abbreviation runs on, unless a newline or blank line follows"),
    ),
    pytest.param(
        "In meetings with Dr. Kissinger, Mao posited that imperialism and hegemony violate the world order. Instead, China should expand into what is now known as the Global South, including countries in the Middle East, Southeast Asia, and Central Asia.",
        [
            "In meetings with Dr. Kissinger, Mao posited that imperialism and hegemony violate the world order.",
            "Instead, China should expand into what is now known as the Global South, including countries in the Middle East, Southeast Asia, and Central Asia.",
        ],
        id="seed000-dr",
    ),
    pytest.param(
        "Gen. Smith met Sen. Jones and Gov. Brown at St. Mary's on Sept. 3. Prof. Lee was not there.",
        ["Gen. Smith met Sen. Jones and Gov. Brown at St. Mary's on Sept. 3.", "Prof. Lee was not there."],
        id="written-titles",
    ),
    pytest.param(
        "The crowd, est. 5,000 people, waited approx. 3 hours, i.e. all afternoon. Then it rained, cf. Fig. 2.",
        ["The crowd, est. 5,000 people, waited approx. 3 hours, i.e. all afternoon.", "Then it rained, cf. Fig. 2."],
        id="written-latin-shorthand",
    ),
    # --- Initials and dotted initialisms (rule 3) -------------------------------------------------------------------
    pytest.param(
        "Tajikistan fears the West’s secondary sanctions that could be imposed on states that openly support Russia’s special operation, especially since the U.S. has already made it known that it considers Central Asia (and Tajikistan in particular) a potential transit route for delivering sanctions-hit goods to Russia. This means the U.S. reserves the right to extend sanctions to those who will re-export sanctions-hit commodities to Russia.",
        [
            "Tajikistan fears the West’s secondary sanctions that could be imposed on states that openly support Russia’s special operation, especially since the U.S. has already made it known that it considers Central Asia (and Tajikistan in particular) a potential transit route for delivering sanctions-hit goods to Russia.",
            "This means the U.S. reserves the right to extend sanctions to those who will re-export sanctions-hit commodities to Russia.",
        ],
        id="seed000-us",
    ),
    pytest.param(
        "The Uzbek jihadist leader quotes Mullah Omar’s words: “Allah has promised us victory, and Bush [US President George W. Bush] has promised to defeat us, so we, slaves of Allah, shall see which of the two promises will be fulfilled.”",
        [
            "The Uzbek jihadist leader quotes Mullah Omar’s words: “Allah has promised us victory, and Bush [US President George W. Bush] has promised to defeat us, so we, slaves of Allah, shall see which of the two promises will be fulfilled.”"
        ],
        id="seed002-george-w-bush",
    ),
    pytest.param(
        "* Gregory Gleason is professor of security studies at the George C. Marshall European Center for Security Studies.\xa0 The Marshall Center is a partnership between the German Ministry of Defense and the U.S. Department of Defense.\xa0 This article does not necessarily represent the views of the U.S. Department of Defense.\xa0",
        [
            "Gregory Gleason is professor of security studies at the George C. Marshall European Center for Security Studies.",
            "The Marshall Center is a partnership between the German Ministry of Defense and the U.S. Department of Defense.",
            "This article does not necessarily represent the views of the U.S. Department of Defense.",
        ],
        id="seed002-footnote-initial-and-us",
    ),
    pytest.param(
        "Environmentalists have tussled with the administration in its waning days over oil and gas drilling leases near national parks and oil shale development across the western U.S. They cheered Wednesday, however, when the Environmental Protection Agency said it would not revise two air pollution standards.",
        [
            "Environmentalists have tussled with the administration in its waning days over oil and gas drilling leases near national parks and oil shale development across the western U.S.",
            "They cheered Wednesday, however, when the Environmental Protection Agency said it would not revise two air pollution standards.",
        ],
        id="ecb-9_4ecb-us-then-starter",
    ),
    pytest.param(
        "Firefighters were called to the blaze at around 9:40 p.m. Friday night.",
        ["Firefighters were called to the blaze at around 9:40 p.m. Friday night."],
        id="ecb-13_9ecb-pm-then-weekday",
    ),
    pytest.param(
        "Lohan lawyer Mark Heller told L. A. Superior Court Judge James R. Dabney that Lohan had checked into a rehab, but prosecutors have not signed off on the facility, reports AP.",
        [
            "Lohan lawyer Mark Heller told L. A. Superior Court Judge James R. Dabney that Lohan had checked into a rehab, but prosecutors have not signed off on the facility, reports AP."
        ],
        id="ecb-1_18ecbplus-spaced-initials",
    ),
    pytest.param(
        "A hungry, wet and barefoot Arcade Joseph Comeaux Jr. was caught in northeast Houston, about 25 miles northwest of where he escaped, said Alfredo Perez, a spokesman for the U. S. Marshals Service. Comeaux, 49, was in a wheelchair Nov. 30 when he pulled a gun on two guards and fired it during a transfer from a prison unit in Huntsville to one in Beaumont.",
        [
            "A hungry, wet and barefoot Arcade Joseph Comeaux Jr. was caught in northeast Houston, about 25 miles northwest of where he escaped, said Alfredo Perez, a spokesman for the U. S. Marshals Service.",
            "Comeaux, 49, was in a wheelchair Nov. 30 when he pulled a gun on two guards and fired it during a transfer from a prison unit in Huntsville to one in Beaumont.",
        ],
        id="ecb-3_10ecbplus-spaced-us-jr",
    ),
    pytest.param(
        "F. B. I. agents, who in 1986 observed the townhouse from a nearby rooftop post, said that soon after arriving, Mr. Gigante would change into more elegant clothes, carry on conversations with associates, and read or watch television before retiring.",
        [
            "F. B. I. agents, who in 1986 observed the townhouse from a nearby rooftop post, said that soon after arriving, Mr. Gigante would change into more elegant clothes, carry on conversations with associates, and read or watch television before retiring."
        ],
        id="ecb-26_1ecbplus-spaced-fbi",
    ),
    pytest.param(
        "The Robert Wood Johnson Foundation congratulates former trustee, Regina Benjamin, M. D., M. B. A., on being nominated for Surgeon General of the United States.",
        [
            "The Robert Wood Johnson Foundation congratulates former trustee, Regina Benjamin, M. D., M. B. A., on being nominated for Surgeon General of the United States."
        ],
        id="ecb-34_7ecbplus-spaced-mba",
    ),
    pytest.param(
        "A total of 31 fire apparatus arrived to fight the fire, and it was extinguished by 6:40 a. m. The building is a total loss according to the City of Palmer.",
        [
            "A total of 31 fire apparatus arrived to fight the fire, and it was extinguished by 6:40 a. m.",
            "The building is a total loss according to the City of Palmer.",
        ],
        id="ecb-13_7ecbplus-spaced-am-then-starter",
    ),
    pytest.param(
        'Mr. Jackman, 40, has never been nominated for an Oscar but has artistic credibility, an important credential for the M.C. of the film awards show. He has won positive reviews for turns in films like "The Prestige" and "Kate and Leopold."',
        [
            "Mr. Jackman, 40, has never been nominated for an Oscar but has artistic credibility, an important credential for the M.C. of the film awards show.",
            'He has won positive reviews for turns in films like "The Prestige" and "Kate and Leopold."',
        ],
        id="ecb-2_3ecb-mc",
    ),
    pytest.param(
        "His son, T.J. DiLeo, is a guard for Temple and he said after the Owls' 88-72 win over No. 8 Tennessee that he was excited his father had a chance to coach.",
        [
            "His son, T.J. DiLeo, is a guard for Temple and he said after the Owls' 88-72 win over No. 8 Tennessee that he was excited his father had a chance to coach."
        ],
        id="ecb-5_2ecb-tj-and-no",
    ),
    pytest.param(
        "J. R. R. Tolkien was born in 1892. He died in 1973.",
        ["J. R. R. Tolkien was born in 1892.", "He died in 1973."],
        id="written-tolkien",
    ),
    pytest.param(
        "The talks were held in Washington, D.C. It ended early. The U.N. Security Council met at 9.30 a.m. and again at 4 p.m. The vote failed.",
        [
            "The talks were held in Washington, D.C.",
            "It ended early.",
            "The U.N. Security Council met at 9.30 a.m. and again at 4 p.m.",
            "The vote failed.",
        ],
        id="written-dc-un-am-pm",
    ),
    pytest.param(
        "The blast came several hours after someone made a threatening phone call to Wells Fargo around 10:30 a.m. Oregon State Police, the FBI and Woodburn police responded to the call.",
        [
            "The blast came several hours after someone made a threatening phone call to Wells Fargo around 10:30 a.m.",
            "Oregon State Police, the FBI and Woodburn police responded to the call.",
        ],
        id="ecb-8_7ecb-am-then-proper-noun",
        marks=xfail(
            "rule 3: an initialism before a capitalised word that is not a common sentence starter never splits"
        ),
    ),
    pytest.param(
        "They had no Plan B. The talks failed.",
        ["They had no Plan B.", "The talks failed."],
        id="written-plan-b",
        marks=xfail("rule 3: a single capital before a dot is always read as an initial"),
    ),
    # --- Decimals, thousands separators, money, enumerators (rule 4) ------------------------------------------------
    pytest.param(
        "Russia’s Ministry of the Interior reports that over 1.7 million Tajikistani citizens entered Russia seeking work from January to June of 2022, which is almost a million more than in the same period of 2021. Such impressive figures evidence both the migration make-up rebound following border closings during the coronavirus pandemic, and Tajikistani citizens’ growing need to earn money in Russia.",
        [
            "Russia’s Ministry of the Interior reports that over 1.7 million Tajikistani citizens entered Russia seeking work from January to June of 2022, which is almost a million more than in the same period of 2021.",
            "Such impressive figures evidence both the migration make-up rebound following border closings during the coronavirus pandemic, and Tajikistani citizens’ growing need to earn money in Russia.",
        ],
        id="seed000-1.7-million",
    ),
    pytest.param(
        "Russia is Tajikistan’s key trade and economic partner—in 2021, it accounted for 21.3% of Tajikistan’s overall trade turnover (according to Tajikistan’s Ministry for Economic Development and Trade). Trade is completely dominated by Russian imports, which are 16 times greater than Tajikistan’s exports.",
        [
            "Russia is Tajikistan’s key trade and economic partner—in 2021, it accounted for 21.3% of Tajikistan’s overall trade turnover (according to Tajikistan’s Ministry for Economic Development and Trade).",
            "Trade is completely dominated by Russian imports, which are 16 times greater than Tajikistan’s exports.",
        ],
        id="seed000-percent-and-bracket",
    ),
    pytest.param(
        "Trade within SCO grew 12 percent annually. China aims $2.3 trillion trade with SCO within next 5 years.",
        ["Trade within SCO grew 12 percent annually.", "China aims $2.3 trillion trade with SCO within next 5 years."],
        id="seed000-dollars",
    ),
    pytest.param(
        "In 133 career playoff games, he averaged 14.4 points, 6.9 assists, and 3.4 rebounds while shooting 51.2 percent from the field. Cheeks is also a five-time NBA All-Defensive Team honoree.",
        [
            "In 133 career playoff games, he averaged 14.4 points, 6.9 assists, and 3.4 rebounds while shooting 51.2 percent from the field.",
            "Cheeks is also a five-time NBA All-Defensive Team honoree.",
        ],
        id="ecb-5_4ecbplus-decimals",
    ),
    pytest.param(
        "Some 2.44 million people, accounting for some 88.41 percent of the country's eligible voters, cast their ballots as of 4:00 p.m. local time (1100 GMT). Under Turkmen laws, parliamentary elections can only be declared valid with a turnout more than 50 percent of eligible voters.",
        [
            "Some 2.44 million people, accounting for some 88.41 percent of the country's eligible voters, cast their ballots as of 4:00 p.m. local time (1100 GMT).",
            "Under Turkmen laws, parliamentary elections can only be declared valid with a turnout more than 50 percent of eligible voters.",
        ],
        id="ecb-11_1ecb-millions-and-time",
    ),
    pytest.param(
        "The Fix It tool released by Microsoft can be used for IE6, 7, 8, 9, 10, and 11 on Windows XP, Vista, 7, 8, and 8.1, both Preview and RTM. 32-and 64-bit versions of the operating systems are all included in the security advisory.",
        [
            "The Fix It tool released by Microsoft can be used for IE6, 7, 8, 9, 10, and 11 on Windows XP, Vista, 7, 8, and 8.1, both Preview and RTM.",
            "32-and 64-bit versions of the operating systems are all included in the security advisory.",
        ],
        id="ecb-27_10ecbplus-sentence-starts-with-digits",
    ),
    pytest.param(
        "Overall, in five seasons as an NBA head coach, O'Brien recorded a mark of 182-158 (. 535), including a record of 139-119 (. 539) with the Boston Celtics from 2000-04.",
        [
            "Overall, in five seasons as an NBA head coach, O'Brien recorded a mark of 182-158 (. 535), including a record of 139-119 (. 539) with the Boston Celtics from 2000-04."
        ],
        id="ecb-5_4ecbplus-detached-decimal-point",
    ),
    pytest.param(
        "After she was disciplined, she went to her vehicle, made several phone calls, and then grabbed a. 357 Magnum and used it to force her way past security guards at the front gate.",
        [
            "After she was disciplined, she went to her vehicle, made several phone calls, and then grabbed a. 357 Magnum and used it to force her way past security guards at the front gate."
        ],
        id="ecb-22_12ecbplus-a-357-magnum",
    ),
    pytest.param(
        "The computer is just 0.98-inches thin and weighs 6.6 pounds. The 17-inch MacBook Pro represents a marriage of all the technologies used to build other unibody Macbooks and a large 17-inch display for applications that require lots of screen real estate, like video editing and graphics design on-the-go.",
        [
            "The computer is just 0.98-inches thin and weighs 6.6 pounds.",
            "The 17-inch MacBook Pro represents a marriage of all the technologies used to build other unibody Macbooks and a large 17-inch display for applications that require lots of screen real estate, like video editing and graphics design on-the-go.",
        ],
        id="ecb-40_4ecb-decimal-before-sentence-end",
    ),
    pytest.param(
        "Version 2.0.1 shipped at 9.30 a.m. on Friday, priced at $2.5 million. It sold 4,380 copies, or 3.5% of No. 5's total.",
        [
            "Version 2.0.1 shipped at 9.30 a.m. on Friday, priced at $2.5 million.",
            "It sold 4,380 copies, or 3.5% of No. 5's total.",
        ],
        id="written-version-time-money",
    ),
    pytest.param(
        "The death toll rose to 12. 40 people were injured.",
        ["The death toll rose to 12.", "40 people were injured."],
        id="written-number-ends-sentence",
    ),
    pytest.param(
        "Follow two steps: 1. Identify the risks. 2. Contain them.",
        ["Follow two steps: 1. Identify the risks.", "2. Contain them."],
        id="written-inline-enumerators",
    ),
    # --- Quotes (rules 1 and 9) -------------------------------------------------------------------------------------
    pytest.param(
        "Scholars and some officials have various assumptions about the latest bloody clash. “There are provocateurs and third forces.” – says the head of the government of Kyrgyzstan Akylbek Zhaparov.",
        [
            "Scholars and some officials have various assumptions about the latest bloody clash.",
            "“There are provocateurs and third forces.” – says the head of the government of Kyrgyzstan Akylbek Zhaparov.",
        ],
        id="seed000-quote-then-dash-attribution",
    ),
    pytest.param(
        'A female friend of mine said this morning, "Bettie Page did more for sexual expression than Alfred Kinsey." Amen, sister.',
        [
            'A female friend of mine said this morning, "Bettie Page did more for sexual expression than Alfred Kinsey."',
            "Amen, sister.",
        ],
        id="ecb-4_11ecb-quote-then-capital",
    ),
    pytest.param(
        'She walked inside, firing a shot at an employee who had followed her in and had yelled, "Hide, she\'s got a gun!" Vanore said.',
        [
            'She walked inside, firing a shot at an employee who had followed her in and had yelled, "Hide, she\'s got a gun!" Vanore said.'
        ],
        id="ecb-22_2ecbplus-exclamation-then-name-said",
    ),
    pytest.param(
        '"So which is it?" Deputy Public Defender Peter Lynch asked Coleman, who in turn said he had seen the gun before.',
        [
            '"So which is it?" Deputy Public Defender Peter Lynch asked Coleman, who in turn said he had seen the gun before.'
        ],
        id="ecb-33_3ecb-question-then-title-asked",
    ),
    pytest.param(
        '"But honestly, who could take any of this seriously?" she said years later, according to her official website.',
        [
            '"But honestly, who could take any of this seriously?" she said years later, according to her official website.'
        ],
        id="ecb-4_1ecb-question-then-lowercase",
    ),
    pytest.param(
        '"Who?" asked people entirely appropriately.',
        ['"Who?" asked people entirely appropriately.'],
        id="ecb-39_12ecb-who-asked",
    ),
    pytest.param(
        "\"I didn't know it was going to ruin my career. People forget I've done, like, 20 movies. I'm not just a party girl. \" While Reid has been out of the cinematic spotlight, she recently launched a clothing line, Mantra, and is dating French fashion designer Julien Jarmoune.",
        [
            "\"I didn't know it was going to ruin my career.",
            "People forget I've done, like, 20 movies.",
            "I'm not just a party girl. \"",
            "While Reid has been out of the cinematic spotlight, she recently launched a clothing line, Mantra, and is dating French fashion designer Julien Jarmoune.",
        ],
        id="ecb-1_11ecb-detached-closing-quote",
    ),
    pytest.param(
        'Mo bleeds 76ers. He bleeds Philadelphia, " team president Billy King said.',
        ["Mo bleeds 76ers.", 'He bleeds Philadelphia, " team president Billy King said.'],
        id="ecb-5_2ecbplus-quote-after-comma",
    ),
    pytest.param(
        "''Would we have done it without him?\" Colts interim coach Bruce Arians asked.",
        ["''Would we have done it without him?\" Colts interim coach Bruce Arians asked."],
        id="ecb-29_1ecbplus-question-then-long-attribution",
    ),
    pytest.param(
        "Moments after the Saturday shooting, one cop put both hands on his head and said, “ ‘ Oh, God! ’ ” King recalled.",
        [
            "Moments after the Saturday shooting, one cop put both hands on his head and said, “ ‘ Oh, God! ’ ” King recalled."
        ],
        id="ecb-19_4ecbplus-nested-detached-quotes",
    ),
    pytest.param(
        '"What do they consider to be South Sudan? " Isaacs questioned, noting that there are elements of a border dispute, with Yida being only 10 miles from the border.',
        [
            '"What do they consider to be South Sudan? " Isaacs questioned, noting that there are elements of a border dispute, with Yida being only 10 miles from the border.'
        ],
        id="ecb-41_9ecbplus-detached-quote-attribution",
    ),
    pytest.param(
        "He said “no.” Then he left. She called it “a victory”. Others disagreed.",
        ["He said “no.”", "Then he left.", "She called it “a victory”.", "Others disagreed."],
        id="written-curly-quotes",
    ),
    pytest.param(
        'Students chanting "Pigs! Murderers!" clapped and cheered each time a riot policeman was hit by a rock.',
        ['Students chanting "Pigs! Murderers!" clapped and cheered each time a riot policeman was hit by a rock.'],
        id="ecb-19_14ecb-exclamations-inside-quote",
        marks=xfail("rule 1: an exclamation inside a quotation, followed by a capital, is read as a sentence end"),
    ),
    pytest.param(
        '"Tara was 100 percent professional," he told E! News.',
        ['"Tara was 100 percent professional," he told E! News.'],
        id="ecb-1_3ecb-brand-with-exclamation",
        marks=xfail("rule 1: a name spelt with an exclamation mark (E! News, Yahoo!) is read as a sentence end"),
    ),
    # --- Lists: markers start a sentence and are left out; inline enumerations stay whole (rules 5 and 7) ----------
    pytest.param(
        "As in all cases, the success of the governments in responding to the pandemic depends upon addressing five key stages: 1) identification and assessment; 2) containment; 3) mitigation; 4) management of immediate consequences; 5) long-term economic and social consequences.",
        [
            "As in all cases, the success of the governments in responding to the pandemic depends upon addressing five key stages: 1) identification and assessment; 2) containment; 3) mitigation; 4) management of immediate consequences; 5) long-term economic and social consequences."
        ],
        id="seed002-inline-enumeration",
    ),
    pytest.param(
        "Important developments are:\n\n  1. Strengthening Economic Ties\n\nNew initiatives planned to develop economic and transport corridors, tourism and services trade and expansion of the Belt and Road Initiative.",
        [
            "Important developments are:",
            "Strengthening Economic Ties",
            "New initiatives planned to develop economic and transport corridors, tourism and services trade and expansion of the Belt and Road Initiative.",
        ],
        id="seed000-numbered-heading",
    ),
    pytest.param(
        "  • \xa0Strengthening Collective Security Mechanisms\n\nThere has been some success in collective security cooperation.",
        [
            "Strengthening Collective Security Mechanisms",
            "There has been some success in collective security cooperation.",
        ],
        id="seed000-bullet-heading",
    ),
    pytest.param(
        "  • Expansion of the SCO\n\nIran has now become SCO’s ninth member. Belarus seeks full membership.",
        ["Expansion of the SCO", "Iran has now become SCO’s ninth member.", "Belarus seeks full membership."],
        id="seed000-bullet-then-paragraph",
    ),
    pytest.param(
        "5. Voice of Developing Nations\n\nJoint statement on climate change called for balance between reducing carbon emissions and allowing poorer states to catch up with developed countries.",
        [
            "Voice of Developing Nations",
            "Joint statement on climate change called for balance between reducing carbon emissions and allowing poorer states to catch up with developed countries.",
        ],
        id="seed000-numbered-heading-unindented",
    ),
    pytest.param(
        "Long-term success will hinge on several interlocking factors:\n1. How much will AMD focus this offering on the ultra-dense space that SeaMicro started addressing versus trying to also take a bite out of the enterprise space?\n2. How aggressively will they scale it?",
        [
            "Long-term success will hinge on several interlocking factors:",
            "How much will AMD focus this offering on the ultra-dense space that SeaMicro started addressing versus trying to also take a bite out of the enterprise space?",
            "How aggressively will they scale it?",
        ],
        id="ecb-43_8ecbplus-numbered-questions",
    ),
    pytest.param(
        "The main cast;\n- Jennifer Lawrence\n- Liam Hemsworth\n- and Josh Hutcherson will all be returning for the sequel!",
        [
            "The main cast;",
            "Jennifer Lawrence",
            "Liam Hemsworth",
            "and Josh Hutcherson will all be returning for the sequel!",
        ],
        id="ecb-6_11ecbplus-dash-list",
    ),
    pytest.param(
        "Obama White House reverses Bush rule on protection of endangered species\n• Interior and commerce departments agree\n• Government wildlife experts to be consulted on development\nTuesday 28 April 2009 22.34 BST",
        [
            "Obama White House reverses Bush rule on protection of endangered species",
            "Interior and commerce departments agree",
            "Government wildlife experts to be consulted on development",
            "Tuesday 28 April 2009 22.34 BST",
        ],
        id="ecb-9_12ecbplus-bullets-under-headline",
    ),
    pytest.param(
        "The plan has two parts:\n(a) cut taxes;\n(b) raise spending.\nResults:\n1) turnout rose;\n2) spending fell.",
        ["The plan has two parts:", "cut taxes;", "raise spending.", "Results:", "turnout rose;", "spending fell."],
        id="written-lettered-and-parenthesised-items",
    ),
    pytest.param(
        "The report lists three causes: 1. drought, 2. war and 3. inflation.",
        ["The report lists three causes: 1. drought, 2. war and 3. inflation."],
        id="written-inline-numbered-lowercase",
    ),
    # --- Paragraph breaks and headlines (rules 5 and 6) -------------------------------------------------------------
    pytest.param(
        "Connect with us\n\nCentral Asia\n\nDoes Tajikistan Have a Choice Amid Anti-Russian Sanctions?\n\n\n\n\nFor a while now, the crisis in Ukraine has remained peripheral in official Russia–Tajikistan relations.",
        [
            "Connect with us",
            "Central Asia",
            "Does Tajikistan Have a Choice Amid Anti-Russian Sanctions?",
            "For a while now, the crisis in Ukraine has remained peripheral in official Russia–Tajikistan relations.",
        ],
        id="seed000-page-head",
    ),
    pytest.param(
        "Published\n\non\n\nAuthors: Sayfiddin Juraev and Gregory Gleason*",
        ["Published", "on", "Authors: Sayfiddin Juraev and Gregory Gleason*"],
        id="seed002-byline-labels",
    ),
    pytest.param(
        "Main Reasons.\n\nThe Kyrgyz-Tajik border 950 kilometers long. At the moment, Bishkek and Dushanbe have recognized only 520 kilometers of a common border, the rest of the sections since the collapse of the USSR are considered controversial and run along villages and roads.",
        [
            "Main Reasons.",
            "The Kyrgyz-Tajik border 950 kilometers long.",
            "At the moment, Bishkek and Dushanbe have recognized only 520 kilometers of a common border, the rest of the sections since the collapse of the USSR are considered controversial and run along villages and roads.",
        ],
        id="seed000-section-label",
    ),
    pytest.param(
        "Lindsay Lohan checks into Betty Ford Center\nMay 03, 2013\nAfter skipping out on entering a Newport Beach rehabilitation facility and facing the prospect of arrest for violating her probation, Lindsay Lohan has checked into the Betty Ford Center to begin a 90-day court-mandated stay in her reckless driving conviction.",
        [
            "Lindsay Lohan checks into Betty Ford Center",
            "May 03, 2013",
            "After skipping out on entering a Newport Beach rehabilitation facility and facing the prospect of arrest for violating her probation, Lindsay Lohan has checked into the Betty Ford Center to begin a 90-day court-mandated stay in her reckless driving conviction.",
        ],
        id="ecb-1_10ecbplus-headline-and-date",
    ),
    pytest.param(
        "‘ Very Spiritual ’ Muslim Woman Shoots Co-workers\non September 10th, 2010\nAccording to reports, a Muslim woman named Yvonne Hiller shot and killed two co-workers at a Kraft plant in Philadelphia.",
        [
            "‘ Very Spiritual ’ Muslim Woman Shoots Co-workers",
            "on September 10th, 2010",
            "According to reports, a Muslim woman named Yvonne Hiller shot and killed two co-workers at a Kraft plant in Philadelphia.",
        ],
        id="ecb-22_4ecbplus-lowercase-dateline",
    ),
    pytest.param(
        "Diplomacy3 hours ago\n\nHelsinki Spirit Revisited\n\n“DIPLOMACY IS AN ART”. “Bring young people to play leadership roles”.-H.E. Mr. Lamberto Zannier As part of the Geneva Lecture...",
        [
            "Diplomacy3 hours ago",
            "Helsinki Spirit Revisited",
            "“DIPLOMACY IS AN ART”.",
            "“Bring young people to play leadership roles”.-H.E. Mr. Lamberto Zannier As part of the Geneva Lecture...",
        ],
        id="seed000-teaser-block",
    ),
    pytest.param(
        "Markets close early\r\n\r\nTrading ends at 1 p.m. on Friday.\r\nVolumes are thin.",
        ["Markets close early", "Trading ends at 1 p.m. on Friday.", "Volumes are thin."],
        id="written-crlf",
    ),
    pytest.param(
        "He works for Acme Inc.\n \t \nThe company declined to comment.",
        ["He works for Acme Inc.", "The company declined to comment."],
        id="written-abbreviation-before-blank-line",
    ),
    # --- Hard-wrapped newswire (rule 6), written in the style of agency copy -----------------------------------------
    pytest.param(
        "    Steady rains fell across the northern plains during the\nweek, easing the dry spell that had lasted since early\nJanuary and lifting prospects for the spring crop,\nalthough soil moisture is still below normal, the state\ngrain board said in its weekly report.\n    The board said planting would start about ten days\nlate. Deliveries for the week to March 4 were 112,450\ntonnes, bringing the season total to 3.82 mln tonnes\nagainst 3.64 mln a year earlier.\n    Traders said the U.S. Agriculture Department would\npublish its own estimate on Friday.\n",
        [
            "Steady rains fell across the northern plains during the\nweek, easing the dry spell that had lasted since early\nJanuary and lifting prospects for the spring crop,\nalthough soil moisture is still below normal, the state\ngrain board said in its weekly report.",
            "The board said planting would start about ten days\nlate.",
            "Deliveries for the week to March 4 were 112,450\ntonnes, bringing the season total to 3.82 mln tonnes\nagainst 3.64 mln a year earlier.",
            "Traders said the U.S. Agriculture Department would\npublish its own estimate on Friday.",
        ],
        id="written-wrapped-indented-paragraphs",
    ),
    pytest.param(
        "Copper output falls in March\nCopper output at the country's three largest mines fell 4.2\npct in March from a year earlier, the mines ministry said,\nciting power cuts and a strike at the main port of loading.",
        [
            "Copper output falls in March",
            "Copper output at the country's three largest mines fell 4.2\npct in March from a year earlier, the mines ministry said,\nciting power cuts and a strike at the main port of loading.",
        ],
        id="written-wrapped-headline-without-blank-line",
    ),
    pytest.param(
        "Officials said the grain would be shipped to the U.S.\nAgriculture Department's warehouses in Kansas City and\nthat a second consignment of about 25,000 tonnes would\nfollow in April, subject to inspection.",
        [
            "Officials said the grain would be shipped to the U.S.\nAgriculture Department's warehouses in Kansas City and\nthat a second consignment of about 25,000 tonnes would\nfollow in April, subject to inspection."
        ],
        id="written-wrapped-initialism-at-line-end",
    ),
    pytest.param(
        "The central bank announced two measures to support the\ncurrency, which fell 3.1 pct against the dollar this week:\n- a rise in reserve requirements for commercial banks;\n- limits on forward sales of foreign exchange by banks.\nDealers said the measures would have little effect on the\nrate before the end of the month.",
        [
            "The central bank announced two measures to support the\ncurrency, which fell 3.1 pct against the dollar this week:",
            "a rise in reserve requirements for commercial banks;",
            "limits on forward sales of foreign exchange by banks.",
            "Dealers said the measures would have little effect on the\nrate before the end of the month.",
        ],
        id="written-wrapped-list-items",
    ),
    pytest.param(
        "Exporters expect the long-\nterm contract price to stay near current levels,\nBrazilian traders said, but spot prices could ease...\nwhich would help importers. Shipments are due to\nstart in May.",
        [
            "Exporters expect the long-\nterm contract price to stay near current levels,\nBrazilian traders said, but spot prices could ease...\nwhich would help importers.",
            "Shipments are due to\nstart in May.",
        ],
        id="written-wrapped-hyphen-comma-ellipsis",
    ),
    pytest.param(
        "Oil prices rose on Monday as traders bet that the\nproducers would extend their output cuts into next\nyear.\n\nBrent crude gained 1.2 pct to $84.30 a barrel by 1000\nGMT, its highest since early October.",
        [
            "Oil prices rose on Monday as traders bet that the\nproducers would extend their output cuts into next\nyear.",
            "Brent crude gained 1.2 pct to $84.30 a barrel by 1000\nGMT, its highest since early October.",
        ],
        id="written-wrapped-blank-line-paragraphs",
    ),
    # --- Tokens glued together by scraping (rule 8) -----------------------------------------------------------------
    pytest.param(
        "In any collective effort the weak link always endangers the protection of the whole.Ifspecific, geographically defined territorial areas can be isolated the infection can be contained within that area.",
        [
            "In any collective effort the weak link always endangers the protection of the whole.",
            "Ifspecific, geographically defined territorial areas can be isolated the infection can be contained within that area.",
        ],
        id="seed002-missing-space-after-period",
    ),
    pytest.param(
        "Some\xa0Uzbek groups\xa0such asKatibat Imam al-Bukhari (KIB), Katibat Tawhid wal Jihad (KTJ), the Islamic Jihad Union (IJU), and Tajik militants of Jamaat Ansarullah (JA), and Uighur fighters of Turkestan Islamic Party (TIP) from China’s Xinjiang region, have already expressed their clear opinion about this particular deal through\xa0their respective Telegram accounts.",
        [
            "Some\xa0Uzbek groups\xa0such asKatibat Imam al-Bukhari (KIB), Katibat Tawhid wal Jihad (KTJ), the Islamic Jihad Union (IJU), and Tajik militants of Jamaat Ansarullah (JA), and Uighur fighters of Turkestan Islamic Party (TIP) from China’s Xinjiang region, have already expressed their clear opinion about this particular deal through\xa0their respective Telegram accounts."
        ],
        id="seed002-such-asKatibat",
    ),
    pytest.param(
        "The UN Security Councilstated that “IMU is now integrated into Taliban forces operating in the Provinces of Faryab and Zabul”, while “IJU, led by Ilimbek Mamatov, is operating primarily in the Afghan Provinces of Badakhshan, Sari Pul and Takhar.” Almost all of the Central Asian terrorist groups in Afghanistan via Telegram channel reported that they had participated in Taliban’s “Al-Fath Jihadi Operations” last year.",
        [
            "The UN Security Councilstated that “IMU is now integrated into Taliban forces operating in the Provinces of Faryab and Zabul”, while “IJU, led by Ilimbek Mamatov, is operating primarily in the Afghan Provinces of Badakhshan, Sari Pul and Takhar.”",
            "Almost all of the Central Asian terrorist groups in Afghanistan via Telegram channel reported that they had participated in Taliban’s “Al-Fath Jihadi Operations” last year.",
        ],
        id="seed002-Councilstated",
    ),
    pytest.param(
        "The Uighur TIP on its radio Voice of Islam, published on its Muhsinlar.net website on March 7, 2020, praised the Taliban’s victory and described the Afghan government as traitor.",
        [
            "The Uighur TIP on its radio Voice of Islam, published on its Muhsinlar.net website on March 7, 2020, praised the Taliban’s victory and described the Afghan government as traitor."
        ],
        id="seed002-domain",
    ),
    pytest.param(
        "This dangerous and highly contagious SARS virus, spreading the disease known as COVID-19,isa common threat to all.",
        [
            "This dangerous and highly contagious SARS virus, spreading the disease known as COVID-19,isa common threat to all."
        ],
        id="seed002-glued-after-comma",
    ),
    pytest.param(
        "Abdul Haqlater followed the example of his ideological patron, Osama bin Laden, who had personally sworn bayat to Mullah Omar, the Taliban’s leader.",
        [
            "Abdul Haqlater followed the example of his ideological patron, Osama bin Laden, who had personally sworn bayat to Mullah Omar, the Taliban’s leader."
        ],
        id="seed002-Haqlater",
    ),
    pytest.param(
        "The initial infection containment measures were highly successful in curtailing the early spread of Covid-19duet to the will and capacity of the governments of these states in implementing and enforcing the containment measures urged by medical authorities.",
        [
            "The initial infection containment measures were highly successful in curtailing the early spread of Covid-19duet to the will and capacity of the governments of these states in implementing and enforcing the containment measures urged by medical authorities."
        ],
        id="seed002-Covid-19duet",
    ),
    pytest.param(
        "The convoy pushed4,380 kilometers into the region.Then it stopped.",
        ["The convoy pushed4,380 kilometers into the region.", "Then it stopped."],
        id="written-glued-number-and-sentence",
    ),
    pytest.param(
        "Register at example.com.Then pick a plan, e.g.Basic, or call Mr.Smith.",
        ["Register at example.com.Then pick a plan, e.g.Basic, or call Mr.Smith."],
        id="written-glued-domain-and-abbreviations",
    ),
    # --- Ellipses (rule 10) -----------------------------------------------------------------------------------------
    pytest.param(
        "It's a party ... a rehab party!",
        ["It's a party ... a rehab party!"],
        id="ecb-1_9ecb-ellipsis-then-lowercase",
    ),
    pytest.param(
        "Up the coast... the Philly Sixers canned Jim O'Brien [who had been under fire all season] and quickly hired Mo Cheeks.",
        [
            "Up the coast... the Philly Sixers canned Jim O'Brien [who had been under fire all season] and quickly hired Mo Cheeks."
        ],
        id="ecb-5_5ecbplus-attached-ellipsis-then-lowercase",
    ),
    pytest.param(
        "\"She wasn't just a receptionist.... She was our mom and the grandmother of our children, \" said Charlie Kafoury, Charlene's brother.",
        [
            "\"She wasn't just a receptionist....",
            "She was our mom and the grandmother of our children, \" said Charlie Kafoury, Charlene's brother.",
        ],
        id="ecb-18_10ecbplus-four-dots-then-capital",
    ),
    pytest.param(
        '"I feel the same way with old movie stars ... It makes me sad.',
        ['"I feel the same way with old movie stars ...', "It makes me sad."],
        id="ecb-4_4ecb-spaced-ellipsis-then-capital",
    ),
    pytest.param(
        "AMD's $334 million deal with SeaMicro is a strong move to improve within the …\nMar 1 2012, 2:35am CET",
        ["AMD's $334 million deal with SeaMicro is a strong move to improve within the …", "Mar 1 2012, 2:35am CET"],
        id="ecb-43_13ecbplus-teaser-before-newline",
    ),
    pytest.param(
        "Southeast Asia29 mins ago\n\nAUKUS One-Year Anniversary, Indonesia’s Response During NPT Review Conference\n\nThe dilemma experienced by Indonesia in responding to the arms race in the region reaps many concerns. Australia announced plans...\n\nDiplomacy3 hours ago",
        [
            "Southeast Asia29 mins ago",
            "AUKUS One-Year Anniversary, Indonesia’s Response During NPT Review Conference",
            "The dilemma experienced by Indonesia in responding to the arms race in the region reaps many concerns.",
            "Australia announced plans...",
            "Diplomacy3 hours ago",
        ],
        id="seed000-teaser-list",
    ),
    pytest.param(
        "He paused . . . and then left. Who knows… Maybe next year?! Nobody can say.",
        ["He paused . . . and then left.", "Who knows…", "Maybe next year?!", "Nobody can say."],
        id="written-spaced-and-unicode-ellipses",
    ),
    pytest.param(
        "And the next host of the Academy Awards is … Ellen DeGeneres.",
        ["And the next host of the Academy Awards is … Ellen DeGeneres."],
        id="ecb-2_10ecbplus-ellipsis-before-name",
        marks=xfail("rule 10: a dramatic-pause ellipsis before a capitalised name is read as a sentence end"),
    ),
    # --- Real sentences: longer passages where several rules meet ---------------------------------------------------
    pytest.param(
        'Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People.\n"We appreciate your respect to her and her family\'s privacy at this time," the 33-year-old actress\'s rep Jack Ketsoyan told the magazine exclusively for their Web site.\nKetsoyan would not say what the "American Pie" star was being treated for.',
        [
            "Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People.",
            "\"We appreciate your respect to her and her family's privacy at this time,\" the 33-year-old actress's rep Jack Ketsoyan told the magazine exclusively for their Web site.",
            'Ketsoyan would not say what the "American Pie" star was being treated for.',
        ],
        id="ecb-1_10ecb-sentence-per-line",
    ),
    pytest.param(
        "The Navy flew its Marine Commandos on helicopters to the scene of the pirate attack and rescued the ship. MV Gibe was later escorted to safety, he added.",
        [
            "The Navy flew its Marine Commandos on helicopters to the scene of the pirate attack and rescued the ship.",
            "MV Gibe was later escorted to safety, he added.",
        ],
        id="ecb-12_12ecb-two-sentences-on-one-line",
    ),
    pytest.param(
        "Cheeks was replaced on an interim basis by assistant general manager Tony DiLeo, a long-time member of the team's front office. DiLeo will coach the Sixers in Saturday's game at Washington and is expected to remain coach for the rest of the season.",
        [
            "Cheeks was replaced on an interim basis by assistant general manager Tony DiLeo, a long-time member of the team's front office.",
            "DiLeo will coach the Sixers in Saturday's game at Washington and is expected to remain coach for the rest of the season.",
        ],
        id="ecb-5_10ecb-two-sentences-on-one-line",
    ),
    pytest.param(
        '"That person is dangerous and needs to be found as soon as possible," said Lt. Gregg Hastings of the Oregon State Police. The explosion occurred Friday afternoon at a West Coast Bank branch in Woodburn, about 30 miles south of Portland.',
        [
            '"That person is dangerous and needs to be found as soon as possible," said Lt. Gregg Hastings of the Oregon State Police.',
            "The explosion occurred Friday afternoon at a West Coast Bank branch in Woodburn, about 30 miles south of Portland.",
        ],
        id="ecb-8_1ecb-lt",
    ),
    pytest.param(
        "As of June 1, 2020, the World Health Organization reported deaths attributed to COVID-19 as: Kazakhstan—38; Kyrgyzstan—16; Tajikistan—47; Uzbekistan—14.\xa0 Turkmenistan reported no deaths.",
        [
            "As of June 1, 2020, the World Health Organization reported deaths attributed to COVID-19 as: Kazakhstan—38; Kyrgyzstan—16; Tajikistan—47; Uzbekistan—14.",
            "Turkmenistan reported no deaths.",
        ],
        id="seed002-figures-and-nbsp",
    ),
    pytest.param(
        "Regarding the ideological views on jihad and Sharia policy, the KIB is the closest group to the Taliban among the Salafi-Jihadi movements of the post-Soviet area. The Uzbek KIB, which publicly swore allegiance [Bayat] to the Taliban in 2014, has openly identified itself as an integral part of the Taliban. The group officially refers itself “the Islamic Emirate of Afghanistan — Katibat Imam al Bukhari” and has the same emblem as the Taliban. KIB operates in both Afghanistan and Syria. The leader of the KIB’s Syrian wing is the aforementioned Abu Yusuf Muhajir, who congratulated the Taliban in poetic form.",
        [
            "Regarding the ideological views on jihad and Sharia policy, the KIB is the closest group to the Taliban among the Salafi-Jihadi movements of the post-Soviet area.",
            "The Uzbek KIB, which publicly swore allegiance [Bayat] to the Taliban in 2014, has openly identified itself as an integral part of the Taliban.",
            "The group officially refers itself “the Islamic Emirate of Afghanistan — Katibat Imam al Bukhari” and has the same emblem as the Taliban.",
            "KIB operates in both Afghanistan and Syria.",
            "The leader of the KIB’s Syrian wing is the aforementioned Abu Yusuf Muhajir, who congratulated the Taliban in poetic form.",
        ],
        id="seed002-paragraph",
    ),
    pytest.param(
        "What could be the reason of breaking the Agreement of non invasion? Why it started the same day of the Shanghai Cooperation Organization Summit? Why its happening after the Azerbaijan-Armenia conflict? Why Post-Soviet countries are in war with each other?",
        [
            "What could be the reason of breaking the Agreement of non invasion?",
            "Why it started the same day of the Shanghai Cooperation Organization Summit?",
            "Why its happening after the Azerbaijan-Armenia conflict?",
            "Why Post-Soviet countries are in war with each other?",
        ],
        id="seed000-questions",
    ),
    pytest.param(
        "For them, the withdrawal of the US military from Afghanistan, the Taliban’s return to power and the establishment of Islamic Emirate based on Sharia law were a long-awaited treasured dream that could come true anytime from now. They are sure that after 18 years of joint jihad against “the Western crusaders” and when the sacred goal is just around the corner, the Taliban will not leave them.",
        [
            "For them, the withdrawal of the US military from Afghanistan, the Taliban’s return to power and the establishment of Islamic Emirate based on Sharia law were a long-awaited treasured dream that could come true anytime from now.",
            "They are sure that after 18 years of joint jihad against “the Western crusaders” and when the sacred goal is just around the corner, the Taliban will not leave them.",
        ],
        id="seed002-two-sentences",
    ),
    pytest.param(
        "Neither the attacks of the infidels nor the arrests of the Mujahideen [holy warriors] could force the Taliban to abandon the path of Sharia.[UB1]\xa0 If the Taliban complied",
        [
            "Neither the attacks of the infidels nor the arrests of the Mujahideen [holy warriors] could force the Taliban to abandon the path of Sharia.[UB1]",
            "If the Taliban complied",
        ],
        id="seed002-editor-mark-after-period",
    ),
    pytest.param(
        "The dam was finished in 1961.[3] It holds 2.5 km3 of water.[4][5] Since then[6] the valley has flooded twice.",
        [
            "The dam was finished in 1961.[3]",
            "It holds 2.5 km3 of water.[4][5]",
            "Since then[6] the valley has flooded twice.",
        ],
        id="written-reference-marks",
    ),
]


def _raw(values: Sequence[object], case_id: object) -> tuple[str, list[str], str]:
    """The text, expected sentences and id of a table row."""
    text, expected = values
    assert isinstance(text, str) and isinstance(expected, list) and isinstance(case_id, str)
    return text, expected, case_id


RAW_CASES = [_raw(case.values, case.id) for case in CASES]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == expected


def assert_well_formed(text: str, sentences: list[Sentence], start: int = 0, end: int | None = None) -> None:
    """Offsets round-trip, sentences are trimmed and non-empty, in order, not overlapping, inside [start, end)."""
    end = len(text) if end is None else end
    previous_end = start
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert previous_end <= sentence.start < sentence.end <= end
        previous_end = sentence.end


@pytest.mark.parametrize("text", [pytest.param(text, id=case_id) for text, _, case_id in RAW_CASES])
def test_offsets_round_trip(text: str) -> None:
    assert_well_formed(text, split_sentences(text))


def test_the_table_is_large_and_mostly_real() -> None:
    real = [case_id for _, _, case_id in RAW_CASES if case_id.startswith(("ecb-", "seed"))]
    assert len(RAW_CASES) >= 70
    assert 2 * len(real) >= len(RAW_CASES)
    assert len({case_id for _, _, case_id in RAW_CASES}) == len(RAW_CASES), "case ids are unique"


def test_seed_cases_are_copied_from_the_seed_pages() -> None:
    pages = {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    for text, _, case_id in RAW_CASES:
        if case_id.startswith("seed"):
            assert text in pages[case_id[4:7]], case_id


def _ecbplus_texts() -> dict[str, str]:
    path = shared_path("corpora", "ecbplus", "ecbplus_docs.jsonl")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return {str(record["doc_id"]): str(record["text"]) for record in records}


def test_ecbplus_cases_are_copied_from_the_corpus() -> None:
    """ECB+ cases are the record's text, with consecutive lines sometimes joined by a space."""
    texts = {doc_id: " ".join(text.split()) for doc_id, text in _ecbplus_texts().items()}
    for text, _, case_id in RAW_CASES:
        if case_id.startswith("ecb-"):
            assert " ".join(text.split()) in texts[case_id.split("-")[1]], case_id


def test_ecbplus_is_read_as_one_sentence_or_headline_per_line() -> None:
    """No sentence crosses a line of any ECB+ record: each record is taken for line-per-sentence text (rule 6)."""
    for doc_id, text in _ecbplus_texts().items():
        for sentence in split_sentences(text):
            assert "\n" not in sentence.text, (doc_id, sentence.text)


def test_start_and_end_select_a_region_with_offsets_into_the_whole_text() -> None:
    text = "Intro. Mr. Smith arrived. He left at 5 p.m. The end."
    start, end = text.index("Mr."), text.index("The end.")
    sentences = split_sentences(text, start, end)
    assert [sentence.text for sentence in sentences] == ["Mr. Smith arrived.", "He left at 5 p.m."]
    assert sentences[0].start == start and sentences[1].end == text.index(" The end.")
    assert_well_formed(text, sentences, start, end)
    assert [sentence.text for sentence in split_sentences(text, -8)] == ["The end."]
    assert split_sentences(text, -8)[0].start == len(text) - 8
    assert [sentence.text for sentence in split_sentences(text, 2, 9)] == ["tro.", "Mr"]
    assert split_sentences(text, 30, 10) == [] and split_sentences(text, len(text) + 5) == []
    assert split_sentences(text, 0, 10_000) == split_sentences(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n\xa0 "])
def test_empty_or_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


# Text made of the pieces the rules look at, so that random examples reach them.
NEWSY_TEXT = st.lists(
    st.sampled_from(
        [
            *"aZ7 .!?…\"'“”‘’()[]:;,-•*\n\r\t\xa0",
            "Mr.",
            "U.S.",
            "a.m.",
            "No.",
            "etc.",
            "e.g.",
            "W.",
            "...",
            ". . .",
            "\n\n",
            "\n  ",
            "1. ",
            "(a) ",
            "- ",
            "the",
            "The",
            "said",
            "whole.If",
            "3.5",
            " Smith said",
        ]
    ),
    max_size=40,
).map("".join)


@given(st.text() | NEWSY_TEXT)
def test_any_text_splits_without_error(text: str) -> None:
    assert_well_formed(text, split_sentences(text))


@given(st.text() | NEWSY_TEXT, st.integers(-60, 200), st.none() | st.integers(-60, 200))
def test_a_region_splits_like_its_slice(text: str, start: int, end: int | None) -> None:
    lo, hi, _ = slice(start, end).indices(len(text))
    sentences = split_sentences(text, start, end)
    assert_well_formed(text, sentences, lo, max(lo, hi))
    alone = split_sentences(text[lo:hi])
    assert [(s.start - lo, s.end - lo, s.text) for s in sentences] == [(s.start, s.end, s.text) for s in alone]


# Tokens of the seed pages with dots inside that must never be cut.
MULTI_DOT_TOKENS = [
    "U.S.",
    "1.7 million",
    "21.3%",
    "$2.3 trillion",
    "Dr. Kissinger",
    "George W. Bush",
    "George C. Marshall",
    "Muhsinlar.net",
    "H.E. Mr. Lamberto Zannier",
]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_seed_pages_keep_multi_dot_tokens_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert_well_formed(text, sentences)
    for token in MULTI_DOT_TOKENS:
        for match in regex.finditer(regex.escape(token), text):
            inside = any(s.start <= match.start() and match.end() <= s.end for s in sentences)
            assert inside, f"{token!r} at {match.start()} is cut"


def test_every_multi_dot_token_occurs_in_a_seed_page() -> None:
    pages = " ".join(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt"))
    assert [token for token in MULTI_DOT_TOKENS if token not in pages] == []


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a." * 500_000, id="1MB-of-a-dot"),
        pytest.param("x" * 200_000, id="200k-line-without-spaces"),
        pytest.param("ab.Cd" * 40_000, id="200k-of-glued-sentences"),
        pytest.param("." * 1_000_000, id="1M-dots"),
        pytest.param("A. " * 100_000, id="initials"),
        pytest.param("U.S. The " * 30_000, id="initialisms"),
        pytest.param('"No." ' * 50_000, id="quoted-abbreviations"),
        pytest.param("1.\n" * 100_000, id="numbered-lines"),
        pytest.param("a word,\nand more " * 60_000, id="hard-wrapped"),
        pytest.param(" " * 1_000_000, id="spaces"),
    ],
)
def test_large_inputs_split_in_linear_time(text: str) -> None:
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_the_abbreviation_lexicon_follows_its_format() -> None:
    lexicon = files("extract").joinpath("lexicons/abbreviations.txt").read_text(encoding="utf-8")
    entries = [fields for line in lexicon.splitlines() if (fields := line.split("#", 1)[0].split())]
    assert len(entries) > 100
    for fields in entries:
        assert fields[0].endswith(".") and fields[1:] in ([], ["+num"]), fields
